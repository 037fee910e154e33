package dev.cartera.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
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
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // One simple-protocol execution: pgjdbc splits the script at top-level semicolons, respecting $fn$ quotes.
            statement.execute(script());
        }
    }

    private static String script() throws IOException {
        try (InputStream in = V14__Report_stage_summaries.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
