package dev.cartera.db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL: the leads' index by conversion time holds converted leads only. Every report and filter on
 * {@code converted_at} asks for a range, which a null never meets, so a new or imported lead (never
 * converted) adds no entry to it: one index entry fewer per imported lead. H2 has no partial indexes and
 * keeps the full one.
 */
public class V16__Lead_converted_index extends BaseJavaMigration {
    static final String SCRIPT = "/dev/cartera/db/postgresql/lead_converted_index.sql";

    @Override
    public void migrate(Context context) throws Exception {
        PostgresScript.runOnPostgres(context.getConnection(), SCRIPT);
    }
}
