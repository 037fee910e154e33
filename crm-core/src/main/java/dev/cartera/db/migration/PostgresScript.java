package dev.cartera.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a script of PostgreSQL-only objects (PL/pgSQL, transition tables) from
 * {@code dev/cartera/db/postgresql}, and nothing on any other database: the Java migrations that add report
 * summaries use it, so H2 keeps the base tables only. Not a migration itself (Flyway runs the classes that
 * implement its migration interface).
 */
final class PostgresScript {
    private PostgresScript() {
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    static void runOnPostgres(Connection connection, String resource) throws SQLException, IOException {
        if (!isPostgres(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // One simple-protocol execution: pgjdbc splits the script at top-level semicolons, respecting $fn$ quotes.
            statement.execute(read(resource));
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PostgresScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
