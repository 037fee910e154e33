package dev.cartera.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
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
        try (InputStream in = V12__Report_month_summaries.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
