package dev.cartera.db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Report summaries over deals, on PostgreSQL only (PL/pgSQL and transition tables): the all-deals summary
 * for grouped custom reports and the won revenue per account and month for ABC/XYZ, with the triggers that
 * keep them; on any other database (H2) none, and those reports read the deals there. Same pattern as
 * {@link V12__Report_month_summaries}; the statements are in
 * {@code dev/cartera/db/postgresql/report_deal_summary.sql}. On every database it also widens the lead
 * index by creation time to the columns the lead part of the sources report and the manager board reads.
 */
public class V15__Report_deal_summary extends BaseJavaMigration {
    static final String SCRIPT = "/dev/cartera/db/postgresql/report_deal_summary.sql";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            // Every database: V1's lead index by creation time widened to the columns the sources report and the
            // manager board read of a year's leads (source, status, owner), so they read the index alone.
            statement.execute("drop index ix_lead_created");
            statement.execute("create index ix_lead_created on crm_lead (tenant_id, created_at, source, status, owner_id)");
        }
        PostgresScript.runOnPostgres(connection, SCRIPT);
    }
}
