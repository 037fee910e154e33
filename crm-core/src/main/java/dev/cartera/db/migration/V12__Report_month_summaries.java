package dev.cartera.db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Monthly report summaries with the triggers that keep them, on PostgreSQL only (PL/pgSQL and
 * transition tables); on any other database (H2) nothing, and the reports read the base tables there.
 * A Java migration in the SQL migrations' location, so Flyway finds it both through
 * {@code CarteraSchema.migrate} and when a host applies {@code classpath:dev/cartera/db/migration} itself.
 * The statements are in {@code dev/cartera/db/postgresql/report_month_summaries.sql}.
 */
public class V12__Report_month_summaries extends BaseJavaMigration {
    static final String SCRIPT = "/dev/cartera/db/postgresql/report_month_summaries.sql";

    @Override
    public void migrate(Context context) throws Exception {
        PostgresScript.runOnPostgres(context.getConnection(), SCRIPT);
    }
}
