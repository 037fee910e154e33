package dev.cartera.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates one tenant's history with a fixed seed and loads it with PostgreSQL COPY: deals with their
 * stage changes, activities and leads spread over 2024-01-01 .. 2026-06-30, owned by the given users.
 */
final class DataLoader {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final String[] SOURCES = {"web", "referral", "fair", "phone", "partner", "campaign"};
    private static final String[] TYPES = {"CALL", "EMAIL", "MEETING", "VISIT", "NOTE", "TODO"};
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long END = Instant.parse("2026-06-30T00:00:00Z").getEpochSecond();

    private final Random random = new Random(42);
    private final String tenant;
    private final List<UUID> owners;
    private final UUID pipeline;
    private final UUID[] stageByPosition;

    DataLoader(String tenant, List<UUID> owners, UUID pipeline, UUID[] stageByPosition) {
        this.tenant = tenant;
        this.owners = owners;
        this.pipeline = pipeline;
        this.stageByPosition = stageByPosition;
    }

    void load(DataSource ds, int accounts, int deals, int activities, int leads) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            // Bulk load as a DBA would: secondary indexes dropped and built again after the COPY (a sorted
            // build instead of millions of insertions), foreign-key triggers off for this session (the
            // generated rows are consistent). The schema ends as Cartera's migrations made it.
            List<String> indexes = new java.util.ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                try (java.sql.ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                        + " and tablename in ('crm_account', 'crm_opportunity', 'crm_stage_change', 'crm_stage_visit', 'crm_activity', 'crm_lead')"
                        + " and indexname not in (select conname from pg_constraint)")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(2));
                    }
                }
                for (String def : indexes) {
                    s.execute("drop index " + def.replaceFirst("(?i)^create (unique )?index (\\S+) on .*$", "$2"));
                }
            }
            UUID[] accountIds = new UUID[accounts];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < accounts; i++) {
                accountIds[i] = UUID.randomUUID();
                sb.append(accountIds[i]).append(',').append(tenant).append(",0,2024-01-01 00:00:00+00,2024-01-01 00:00:00+00,COMPANY,Cliente ")
                        .append(i).append(',').append(owner()).append('\n');
            }
            copy.copyIn("copy crm_account (id, tenant_id, version, created_at, updated_at, kind, name, owner_id) from stdin (format csv)",
                    new StringReader(sb.toString()));

            StringBuilder dealRows = new StringBuilder();
            StringBuilder changeRows = new StringBuilder();
            for (int i = 0; i < deals; i++) {
                UUID id = UUID.randomUUID();
                long created = START + (long) (random.nextDouble() * (END - START - 90L * 86_400));
                int reached = 1 + random.nextInt(3);
                int outcome = random.nextInt(10); // 0-3 won, 4-6 lost, 7-9 open
                long t = created;
                String from = "";
                int steps = reached + (outcome < 7 ? 1 : 0);
                int position = 1;
                for (int s = 0; s < steps; s++) {
                    position = s < reached ? s + 1 : outcome < 4 ? 4 : 5;
                    String to = stageByPosition[position].toString();
                    changeRows.append(UUID.randomUUID()).append(',').append(tenant).append(",0,").append(ts(t)).append(',').append(ts(t))
                            .append(',').append(id).append(',').append(from).append(',').append(to).append(',').append(ts(t)).append('\n');
                    from = to;
                    if (s < steps - 1) {
                        t += 3_600 + random.nextInt(20 * 86_400);
                    }
                }
                String status = outcome < 4 ? "WON" : outcome < 7 ? "LOST" : "OPEN";
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(50_000_00), 2);
                dealRows.append(id).append(',').append(tenant).append(",0,").append(ts(created)).append(',').append(ts(t))
                        .append(",Deal ").append(i).append(',').append(accountIds[random.nextInt(accounts)]).append(',').append(pipeline)
                        .append(',').append(stageByPosition[position]).append(',').append(amount).append(",EUR,").append(owner())
                        .append(',').append(SOURCES[random.nextInt(SOURCES.length)]).append(',').append(status).append(',')
                        .append("LOST".equals(status) ? "precio" : "").append(',').append("OPEN".equals(status) ? "" : ts(t))
                        .append(',').append(ts(t)).append('\n');
                if (dealRows.length() > 4_000_000) {
                    flushDeals(copy, dealRows, changeRows);
                }
            }
            flushDeals(copy, dealRows, changeRows);

            StringBuilder acts = new StringBuilder();
            for (int i = 0; i < activities; i++) {
                long at = START + (long) (random.nextDouble() * (END - START));
                int state = random.nextInt(10);
                String status = state < 7 ? "DONE" : state < 9 ? "PLANNED" : "CANCELLED";
                acts.append(UUID.randomUUID()).append(',').append(tenant).append(",0,").append(ts(at)).append(',').append(ts(at)).append(',')
                        .append(TYPES[random.nextInt(TYPES.length)]).append(",x,").append(status).append(",NORMAL,").append(owner()).append(',')
                        .append("DONE".equals(status) ? ts(at) : "").append(',').append("PLANNED".equals(status) ? ts(at + 30L * 86_400) : "")
                        .append('\n');
                if (acts.length() > 4_000_000) {
                    copy.copyIn("copy crm_activity (id, tenant_id, version, created_at, updated_at, type, subject, status, priority,"
                            + " owner_id, completed_at, due_at) from stdin (format csv)", new StringReader(acts.toString()));
                    acts.setLength(0);
                }
            }
            copy.copyIn("copy crm_activity (id, tenant_id, version, created_at, updated_at, type, subject, status, priority,"
                    + " owner_id, completed_at, due_at) from stdin (format csv)", new StringReader(acts.toString()));

            StringBuilder leadRows = new StringBuilder();
            for (int i = 0; i < leads; i++) {
                long at = START + (long) (random.nextDouble() * (END - START - 40L * 86_400));
                boolean converted = random.nextInt(10) < 3;
                leadRows.append(UUID.randomUUID()).append(',').append(tenant).append(",0,").append(ts(at)).append(',').append(ts(at))
                        .append(",Lead SL,").append(SOURCES[random.nextInt(SOURCES.length)]).append(',').append(converted ? "CONVERTED" : "NEW")
                        .append(',').append(owner()).append(',').append(converted ? ts(at + random.nextInt(30 * 86_400)) : "").append('\n');
            }
            copy.copyIn("copy crm_lead (id, tenant_id, version, created_at, updated_at, company_name, source, status, owner_id, converted_at)"
                    + " from stdin (format csv)", new StringReader(leadRows.toString()));
            // The stage-visit summary, derived from the stage changes by migration V11's back-fill statement
            // (the services keep it on every move; the history loaded here went past them).
            long v0 = System.nanoTime();
            try (java.sql.PreparedStatement s = c.prepareStatement("insert into crm_stage_visit (id, tenant_id, version, created_at,"
                    + " created_by, updated_at, updated_by, opportunity_id, stage_id, entered_at, left_at)"
                    + " select c.id, c.tenant_id, 0, c.created_at, c.created_by, c.updated_at, c.updated_by, c.opportunity_id, c.to_stage_id,"
                    + " c.changed_at, lead(c.changed_at) over (partition by c.tenant_id, c.opportunity_id order by c.changed_at, c.created_at, c.id)"
                    + " from crm_stage_change c where c.tenant_id = ? and c.opportunity_id is not null and c.to_stage_id is not null"
                    + " and c.changed_at is not null")) {
                s.setString(1, tenant);
                int rows = s.executeUpdate();
                System.out.printf("Back-filled %,d stage visits in %.1f s%n", rows, (System.nanoTime() - v0) / 1e9);
            }
            long i0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
                for (String def : indexes) {
                    s.execute(def);
                }
            }
            System.out.printf("Built %d secondary indexes again in %.1f s%n", indexes.size(), (System.nanoTime() - i0) / 1e9);
            // The monthly report summaries (migration V12): the COPY went past their triggers, so rebuild them
            // with the migration's function, in the report zone, as an operator would after a bulk load.
            long r0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("select crm_rebuild_report_summaries('Europe/Madrid')");
                s.execute("select crm_rebuild_deal_summaries()"); // migration V15's: custom reports, ABC/XYZ
                s.execute("select crm_rebuild_stage_summaries('Europe/Madrid')");
                try (java.sql.ResultSet rs = s.executeQuery("select (select count(*) from crm_deal_month), (select count(*) from crm_activity_month)")) {
                    rs.next();
                    System.out.printf("Rebuilt the monthly summaries (%,d deal cells, %,d activity cells) in %.1f s%n", rs.getLong(1),
                            rs.getLong(2), (System.nanoTime() - r0) / 1e9);
                }
                try (java.sql.ResultSet rs = s.executeQuery("select (select count(*) from crm_funnel_month), (select count(*) from crm_stage_duration_month)")) {
                    rs.next();
                    System.out.printf("Stage summaries: %,d funnel cells, %,d stage-duration cells%n", rs.getLong(1), rs.getLong(2));
                }
            }
            // VACUUM sets the visibility map (autovacuum would, in production) so index-only scans apply.
            long a0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
            System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - a0) / 1e9);
        }
    }

    private static void flushDeals(CopyManager copy, StringBuilder deals, StringBuilder changes) throws SQLException, IOException {
        copy.copyIn("copy crm_opportunity (id, tenant_id, version, created_at, updated_at, name, account_id, pipeline_id, stage_id, amount,"
                + " currency, owner_id, source, status, lost_reason, closed_at, stage_entered_at) from stdin (format csv)",
                new StringReader(deals.toString()));
        copy.copyIn("copy crm_stage_change (id, tenant_id, version, created_at, updated_at, opportunity_id, from_stage_id, to_stage_id,"
                + " changed_at) from stdin (format csv)", new StringReader(changes.toString()));
        deals.setLength(0);
        changes.setLength(0);
    }

    private UUID owner() {
        return owners.get(random.nextInt(owners.size()));
    }

    private static String ts(long epochSecond) {
        return TS.format(Instant.ofEpochSecond(epochSecond));
    }
}
