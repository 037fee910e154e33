package dev.cartera.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The all-deals summary for grouped custom reports over deals, with the triggers that keep it, on
 * PostgreSQL only (PL/pgSQL and transition tables); on any other database (H2) nothing, and custom
 * reports read the deals there. Same pattern as {@link V12__Report_month_summaries}; the statements are
 * in {@code dev/cartera/db/postgresql/report_deal_summary.sql}.
 */
public class V15__Report_deal_summary extends BaseJavaMigration {
    static final String SCRIPT = "/dev/cartera/db/postgresql/report_deal_summary.sql";

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
        try (InputStream in = V15__Report_deal_summary.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
