package dev.cartera.db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Funnel and stage-duration summaries with the triggers that keep them, on PostgreSQL only (as V12's
 * monthly summaries); on any other database (H2) nothing, and those reports read the base tables there.
 * The statements are in {@code dev/cartera/db/postgresql/report_stage_summaries.sql}.
 */
public class V14__Report_stage_summaries extends BaseJavaMigration {
    static final String SCRIPT = "/dev/cartera/db/postgresql/report_stage_summaries.sql";

    @Override
    public void migrate(Context context) throws Exception {
        PostgresScript.runOnPostgres(context.getConnection(), SCRIPT);
    }
}
