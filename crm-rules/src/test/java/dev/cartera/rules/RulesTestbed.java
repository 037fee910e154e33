package dev.cartera.rules;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.team.CrmUser;
import dev.cartera.core.testing.CrmFixture;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** A Cartera with the rules module installed on a real database, a recording mailer and helpers for rule sets. */
final class RulesTestbed implements AutoCloseable {
    private static final AtomicInteger TENANTS = new AtomicInteger();

    final CrmFixture fx;
    final Cartera crm;
    final CarteraRules rules;
    final List<Mailer.Message> mails = new CopyOnWriteArrayList<>();

    RulesTestbed(DataSource dataSource) {
        this(dataSource, RulesOptions.defaults());
    }

    RulesTestbed(DataSource dataSource, RulesOptions options) {
        this(dataSource, options, builder -> { });
    }

    /** With the test's own settings on top (import limits…). */
    RulesTestbed(DataSource dataSource, RulesOptions options, java.util.function.Consumer<Cartera.Builder> customizer) {
        AtomicReference<CarteraRules> installed = new AtomicReference<>();
        this.fx = new CrmFixture(dataSource, builder -> {
            installed.set(CarteraRules.install(builder, options));
            builder.mailer(mails::add);
            customizer.accept(builder);
        });
        this.crm = fx.cartera;
        this.rules = installed.get();
    }

    /** A fresh tenant with the fixture's organisation: team A (rep, rep2; manager), team B (rep3). */
    CrmFixture.Org newOrg() {
        return fx.organisation("r" + TENANTS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
    }

    <T> T as(CrmFixture.Org org, String user, Supplier<T> work) {
        return fx.session.call(org.tenant(), user, work);
    }

    RuleSetVersionView activate(CrmFixture.Org org, RuleSetContent content) {
        RuleSetKind kind = content.assignment().isEmpty() ? RuleSetKind.AUTOMATION : RuleSetKind.ASSIGNMENT;
        return as(org, "admin", () -> rules.ruleSets().activate(rules.ruleSets().saveDraft(kind, content, null, null).id()));
    }

    void absent(CrmFixture.Org org, UUID user, LocalDate from, LocalDate until) {
        crm.transactions().asSystem(org.tenant(), work -> {
            CrmUser u = work.em().find(CrmUser.class, user);
            u.setAbsentFrom(from);
            u.setAbsentUntil(until);
            return null;
        });
    }

    UUID account(CrmFixture.Org org, String user, AccountDraft draft) {
        return as(org, user, () -> crm.accounts().create(draft).id());
    }

    LocalDate today() {
        return LocalDate.ofInstant(fx.clock.instant(), java.time.ZoneOffset.UTC);
    }

    private String fingerprintQuery;

    /** Row counts and the sum of row versions of every Cartera table: equal before and after means nothing was written. */
    String databaseFingerprint() {
        return crm.transactions().asSystem("fingerprint", work -> {
            if (fingerprintQuery == null) {
                @SuppressWarnings("unchecked")
                List<Object[]> tables = work.em().createNativeQuery("select t.table_name, (select count(*) from information_schema.columns c"
                        + " where c.table_name = t.table_name and lower(c.column_name) = 'version') from information_schema.tables t"
                        + " where lower(t.table_name) like 'crm_%' and lower(t.table_name) <> 'crm_schema_history'"
                        + " order by t.table_name").getResultList();
                fingerprintQuery = tables.stream().map(t -> "select '" + t[0] + "', count(*), "
                        + (((Number) t[1]).longValue() > 0 ? "coalesce(sum(version), 0)" : "0") + " from " + t[0])
                        .collect(java.util.stream.Collectors.joining(" union all "));
            }
            StringBuilder out = new StringBuilder();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = work.em().createNativeQuery(fingerprintQuery).getResultList();
            rows.stream().sorted(java.util.Comparator.comparing(r -> String.valueOf(r[0])))
                    .forEach(r -> out.append(r[0]).append('=').append(r[1]).append('/').append(r[2]).append(';'));
            return out.toString();
        });
    }

    @Override
    public void close() {
        fx.close();
    }
}
