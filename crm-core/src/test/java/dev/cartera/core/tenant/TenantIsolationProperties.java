package dev.cartera.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountQuery;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random operations by users of two tenants: whatever they do, nobody reads, changes or links to
 * the other tenant's rows. Checked through the services and, at the end of each try, in the tables.
 */
class TenantIsolationProperties {
    private static final String[] USERS = {"director", "manager", "rep", "rep2", "admin"};
    private static final Map<String, World> WORLDS = new HashMap<>();

    enum Kind { CREATE_LEAD, CREATE_ACCOUNT, GET_LEAD, UPDATE_LEAD, CONVERT_LEAD, GET_ACCOUNT, UPDATE_ACCOUNT, CARD, SEARCH_LEADS, SEARCH_ACCOUNTS }

    record Op(int tenant, String user, Kind kind, int target) {
    }

    @Provide
    Arbitrary<Op> op() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(USERS), Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1_000)).as(Op::new);
    }

    @Property(tries = 40)
    void onH2NoOperationCrossesTenants(@ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("op") Op> ops) throws SQLException {
        world("h2").run(ops);
    }

    @Property(tries = 12)
    void onPostgresNoOperationCrossesTenants(@ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("op") Op> ops) throws SQLException {
        world("postgres").run(ops);
    }

    @AfterContainer
    static void closeWorlds() {
        WORLDS.values().forEach(w -> w.fx.close());
        WORLDS.clear();
    }

    private static synchronized World world(String database) {
        return WORLDS.computeIfAbsent(database, d -> new World(d.equals("h2") ? TestDatabases.freshH2() : TestDatabases.freshPostgres()));
    }

    /** One database with two tenants and what each of them is known to own. */
    static final class World {
        final DataSource dataSource;
        final CrmFixture fx;
        final String[] tenants = {"iso-one", "iso-two"};
        final Map<UUID, String> ownerTenant = new HashMap<>();
        final List<UUID> leads = new ArrayList<>();
        final List<UUID> accounts = new ArrayList<>();
        final Map<UUID, String> lastCompanyName = new HashMap<>();
        int counter;

        World(DataSource dataSource) {
            this.dataSource = dataSource;
            this.fx = new CrmFixture(dataSource);
            fx.organisation(tenants[0]);
            fx.organisation(tenants[1]);
        }

        void run(List<Op> ops) throws SQLException {
            for (Op op : ops) {
                String tenant = tenants[op.tenant()];
                fx.session.as(tenant, op.user());
                apply(op, tenant);
            }
            assertTablesAgree();
        }

        private void apply(Op op, String tenant) {
            UUID lead = pick(leads, op.target());
            UUID account = pick(accounts, op.target());
            try {
                switch (op.kind()) {
                    case CREATE_LEAD -> {
                        String company = "Empresa " + (++counter);
                        LeadView created = fx.cartera.leads().create(LeadDraft.of("Ana", "López", company, null, null, "web"));
                        remember(created.id(), tenant, leads, company);
                    }
                    case CREATE_ACCOUNT -> {
                        String name = "Cuenta " + (++counter);
                        AccountView created = fx.cartera.accounts().create(AccountDraft.company(name));
                        remember(created.id(), tenant, accounts, name);
                    }
                    case GET_LEAD -> expectOwn(lead, tenant, () -> fx.cartera.leads().get(lead).id());
                    case UPDATE_LEAD -> {
                        String company = "Cambiada " + (++counter);
                        expectOwn(lead, tenant, () -> fx.cartera.leads().update(lead, null,
                                LeadDraft.of("Ana", "López", company, null, null, "web")).id());
                        if (tenant.equals(ownerTenant.get(lead)) && succeededLast) {
                            lastCompanyName.put(lead, company);
                        }
                    }
                    case CONVERT_LEAD -> expectOwn(lead, tenant, () -> {
                        UUID newAccount = fx.cartera.leads().convert(lead, null, new LeadConversion(null, false, null, null)).accountId();
                        remember(newAccount, tenant, accounts, lastCompanyName.get(lead));
                        return lead;
                    });
                    case GET_ACCOUNT -> expectOwn(account, tenant, () -> fx.cartera.accounts().get(account).id());
                    case UPDATE_ACCOUNT -> {
                        String name = "Renombrada " + (++counter);
                        expectOwn(account, tenant, () -> fx.cartera.accounts().update(account, null, AccountDraft.company(name)).id());
                        if (tenant.equals(ownerTenant.get(account)) && succeededLast) {
                            lastCompanyName.put(account, name);
                        }
                    }
                    case CARD -> expectOwn(account, tenant, () -> fx.cartera.customerCards().card(account).account().id());
                    case SEARCH_LEADS -> fx.cartera.leads().search(LeadQuery.all(), PageRequest.first(200)).items()
                            .forEach(l -> assertThat(ownerTenant.get(l.id())).isEqualTo(tenant));
                    case SEARCH_ACCOUNTS -> fx.cartera.accounts().search(AccountQuery.all(), PageRequest.first(200)).items()
                            .forEach(a -> assertThat(ownerTenant.get(a.id())).isEqualTo(tenant));
                }
            } catch (CrmException expectedByScopeOrState) {
                // Access, scope, state and validation errors are legitimate outcomes inside one's own tenant.
            }
        }

        private boolean succeededLast;

        /** Another tenant's record must look absent; one's own may succeed or fail for reasons of scope or state. */
        private void expectOwn(UUID id, String tenant, java.util.function.Supplier<UUID> call) {
            succeededLast = false;
            if (id == null) {
                return;
            }
            if (!tenant.equals(ownerTenant.get(id))) {
                try {
                    call.get();
                    throw new AssertionError("tenant " + tenant + " reached " + id + " of " + ownerTenant.get(id));
                } catch (NotFoundException expected) {
                    return;
                }
            }
            assertThat(call.get()).isEqualTo(id);
            succeededLast = true;
        }

        private void remember(UUID id, String tenant, List<UUID> list, String name) {
            ownerTenant.put(id, tenant);
            list.add(id);
            if (name != null) {
                lastCompanyName.put(id, name);
            }
        }

        private static UUID pick(List<UUID> ids, int index) {
            return ids.isEmpty() ? null : ids.get(index % ids.size());
        }

        /** Straight from the tables: every row sits in the tenant that created it, with that tenant's last edit. */
        private void assertTablesAgree() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                assertRows(c, "select id, tenant_id, company_name from crm_lead");
                assertRows(c, "select id, tenant_id, name from crm_account");
            }
        }

        private void assertRows(Connection c, String sql) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    assertThat(rs.getString(2)).as("tenant of %s", id).isEqualTo(ownerTenant.get(id));
                    assertThat(rs.getString(3)).as("name of %s", id).isEqualTo(lastCompanyName.get(id));
                }
            }
        }
    }
}
