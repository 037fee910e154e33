package dev.cartera.reporting;

import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.testing.CrmFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A Cartera on one database plus the tools the report tests share: a fresh organisation per tenant,
 * and a writer that puts a {@link Dataset} straight into the tables with its backdated timestamps.
 */
final class ReportEnv implements AutoCloseable {
    private static final AtomicInteger TENANTS = new AtomicInteger();
    final DataSource dataSource;
    final CrmFixture fx;

    ReportEnv(DataSource dataSource) {
        this.dataSource = dataSource;
        this.fx = new CrmFixture(dataSource);
    }

    /** One tenant's organisation, default pipeline and three accounts, with the ids a dataset refers to. */
    record Tenant(CrmFixture.Org org, List<UUID> owners, List<StageView> stages, UUID pipeline, List<UUID> accounts) {
        String id() {
            return org.tenant();
        }

        UUID owner(int slot) {
            return owners.get(slot);
        }

        StageView stageAt(int position) {
            return stages.stream().filter(s -> s.position() == position).findFirst().orElseThrow();
        }
    }

    Tenant tenant(String prefix) {
        CrmFixture.Org org = fx.organisation(prefix + TENANTS.incrementAndGet());
        PipelineView pipeline = fx.cartera.asSystem(org.tenant(), crm -> crm.pipelines().defaultPipeline());
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            accounts.add(id);
            exec("insert into crm_account (id, tenant_id, version, created_at, updated_at, kind, name, owner_id)"
                    + " values (?, ?, 0, ?, ?, 'COMPANY', ?, ?)", id, org.tenant(), ts(Dataset.NOW), ts(Dataset.NOW),
                    "Cliente " + (char) ('A' + i), org.rep());
        }
        List<UUID> owners = Arrays.asList(org.rep(), org.rep2(), org.rep3(), org.manager(), org.director(), null);
        return new Tenant(org, owners, pipeline.stages(), pipeline.id(), accounts);
    }

    /**
     * The dataset goes straight into the tables, past the services that keep the stage-visit summary;
     * so, like migration V11's back-fill (the same statement, for one tenant), it derives the stays from
     * the stage changes. {@code StageVisitContract} checks that the services keep the same rows.
     */
    static final String STAGE_VISITS = "insert into crm_stage_visit (id, tenant_id, version, created_at, created_by, updated_at,"
            + " updated_by, opportunity_id, stage_id, entered_at, left_at)"
            + " select c.id, c.tenant_id, 0, c.created_at, c.created_by, c.updated_at, c.updated_by, c.opportunity_id, c.to_stage_id,"
            + " c.changed_at, lead(c.changed_at) over (partition by c.tenant_id, c.opportunity_id order by c.changed_at, c.created_at, c.id)"
            + " from crm_stage_change c where c.tenant_id = ? and c.opportunity_id is not null and c.to_stage_id is not null"
            + " and c.changed_at is not null";

    void write(Tenant t, Dataset data) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement deal = c.prepareStatement("insert into crm_opportunity (id, tenant_id, version, created_at, updated_at,"
                    + " name, account_id, pipeline_id, stage_id, amount, currency, owner_id, source, status, lost_reason, closed_at,"
                    + " stage_entered_at) values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?)");
                    PreparedStatement change = c.prepareStatement("insert into crm_stage_change (id, tenant_id, version, created_at,"
                            + " updated_at, opportunity_id, from_stage_id, to_stage_id, changed_at) values (?, ?, 0, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement act = c.prepareStatement("insert into crm_activity (id, tenant_id, version, created_at, updated_at,"
                            + " type, subject, status, priority, owner_id, completed_at, due_at) values (?, ?, 0, ?, ?, ?, 'x', ?, 'NORMAL', ?, ?, ?)");
                    PreparedStatement lead = c.prepareStatement("insert into crm_lead (id, tenant_id, version, created_at, updated_at,"
                            + " company_name, source, status, owner_id, converted_at) values (?, ?, 0, ?, ?, 'Lead SL', ?, ?, ?, ?)")) {
                int n = 0;
                for (Dataset.Deal d : data.deals()) {
                    UUID id = UUID.randomUUID();
                    List<Instant> times = d.changes();
                    List<Integer> positions = d.positions();
                    Instant last = times.get(times.size() - 1);
                    bind(deal, id, t.id(), ts(d.createdAt()), ts(last), "Deal " + n++, d.account() < 3 ? t.accounts().get(d.account()) : null,
                            t.pipeline(), t.stageAt(positions.get(positions.size() - 1)).id(), d.amount(), t.owner(d.owner()), d.source(),
                            d.outcome().name(), d.outcome() == Dataset.Outcome.LOST ? d.lostReason() : null,
                            d.closedAt() == null ? null : ts(d.closedAt()), ts(last));
                    deal.addBatch();
                    UUID from = null;
                    for (int i = 0; i < times.size(); i++) {
                        UUID to = t.stageAt(positions.get(i)).id();
                        bind(change, UUID.randomUUID(), t.id(), ts(times.get(i)), ts(times.get(i)), id, from, to, ts(times.get(i)));
                        change.addBatch();
                        from = to;
                    }
                }
                deal.executeBatch();
                change.executeBatch();
                for (Dataset.Act a : data.activities()) {
                    bind(act, UUID.randomUUID(), t.id(), ts(a.at()), ts(a.at()), a.type().name(), a.status(), t.owner(a.owner()),
                            "DONE".equals(a.status()) ? ts(a.at()) : null, a.dueAt() == null ? null : ts(a.dueAt()));
                    act.addBatch();
                }
                act.executeBatch();
                for (Dataset.LeadRec l : data.leads()) {
                    bind(lead, UUID.randomUUID(), t.id(), ts(l.createdAt()), ts(l.createdAt()), l.source(),
                            l.converted() ? "CONVERTED" : "NEW", t.owner(l.owner()), l.converted() ? ts(l.convertedAt()) : null);
                    lead.addBatch();
                }
                lead.executeBatch();
            }
            try (PreparedStatement visits = c.prepareStatement(STAGE_VISITS)) {
                visits.setString(1, t.id());
                visits.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a tenant's deals, stage changes, activities and leads, so one organisation serves many tries. */
    void clear(Tenant t) {
        for (String table : List.of("crm_stage_visit", "crm_stage_change", "crm_activity", "crm_opportunity", "crm_lead")) {
            exec("delete from " + table + " where tenant_id = ?", t.id());
        }
    }

    void exec(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    static java.time.OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public void close() {
        fx.close();
    }

    /** A statement's rows as "a|b|…|" strings (decimals without trailing zeros), for comparing with a derivation. */
    List<String> rows(String sql, Object param) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            List<String> out = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object v = rs.getObject(i);
                        row.append(v instanceof java.math.BigDecimal d ? Oracle.n(d) : String.valueOf(v)).append('|');
                    }
                    out.add(row.toString());
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
