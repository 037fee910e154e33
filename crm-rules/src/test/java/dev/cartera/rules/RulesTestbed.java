package dev.cartera.rules;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.spi.MailMessage;
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
    final List<MailMessage> mails = new CopyOnWriteArrayList<>();

    RulesTestbed(DataSource dataSource) {
        this(dataSource, RulesOptions.defaults());
    }

    RulesTestbed(DataSource dataSource, RulesOptions options) {
        AtomicReference<CarteraRules> installed = new AtomicReference<>();
        this.fx = new CrmFixture(dataSource, builder -> {
            installed.set(CarteraRules.install(builder, options));
            builder.mailer(mails::add);
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

    /** Row counts and the sum of row versions of every Cartera table: equal before and after means nothing was written. */
    String databaseFingerprint() {
        return crm.transactions().asSystem("fingerprint", work -> {
            StringBuilder out = new StringBuilder();
            @SuppressWarnings("unchecked")
            List<String> tables = work.em().createNativeQuery("select table_name from information_schema.tables"
                    + " where lower(table_name) like 'crm_%' and lower(table_name) <> 'crm_schema_history' order by table_name").getResultList();
            for (String table : tables) {
                boolean versioned = ((Number) work.em().createNativeQuery("select count(*) from information_schema.columns"
                        + " where lower(table_name) = lower(?1) and lower(column_name) = 'version'").setParameter(1, table)
                        .getSingleResult()).longValue() > 0;
                Object[] row = (Object[]) work.em().createNativeQuery("select count(*), " + (versioned ? "coalesce(sum(version), 0)" : "0")
                        + " from " + table).getSingleResult();
                out.append(table).append('=').append(row[0]).append('/').append(row[1]).append(';');
            }
            return out.toString();
        });
    }

    @Override
    public void close() {
        fx.close();
    }
}
