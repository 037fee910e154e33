package dev.cartera.core.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Rows appended to one table with PostgreSQL's {@code COPY … FROM STDIN}, on the unit of work's own
 * connection and transaction: roughly ten times faster than JDBC batches for bulk imports. Rows are
 * written as given — no entity callbacks, no tenant filter — so a caller writes the tenant column
 * itself and keeps to what the entity path would store. {@link #available} says whether the unit's
 * database can; other databases keep the entity path. The PostgreSQL driver is the host's: it is
 * only touched when the connection is PostgreSQL.
 */
public final class BulkCopy {
    private static final boolean DRIVER_PRESENT = driverPresent();

    private final String table;
    private final List<String> columns;
    private final ByteBuilder data = new ByteBuilder();
    private int rows;
    private Instant lastInstant;
    private String lastInstantText;

    private BulkCopy(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** A COPY into {@code table} of {@code columns}, in that order (trusted names: constants of the caller). */
    public static BulkCopy into(String table, List<String> columns) {
        return new BulkCopy(table, columns);
    }

    /** Whether the unit's connection is PostgreSQL through pgjdbc; asked once per unit of work. */
    public static boolean available(UnitOfWork work) {
        if (!DRIVER_PRESENT) {
            return false;
        }
        Boolean pg = work.remember(BulkCopy.class, () -> work.em().unwrap(Session.class).doReturningWork(PgCopy::isPostgres));
        return pg;
    }

    /** Adds a row: one value per column; null, String, UUID, Instant, Number, Boolean or Enum (its name). */
    public BulkCopy row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values for " + table + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                data.put('\t');
            }
            value(values[i]);
        }
        data.put('\n');
        rows++;
        return this;
    }

    /** Sends the rows in one COPY inside the unit's transaction; returns how many PostgreSQL took. */
    public long copy(UnitOfWork work) {
        if (rows == 0) {
            return 0;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        return work.em().unwrap(Session.class).doReturningWork(c -> PgCopy.copyIn(c, sql, data.stream()));
    }

    private void value(Object v) {
        if (v == null) {
            data.put('\\').put('N');
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof Boolean b) {
            data.put(b ? 't' : 'f');
        } else if (v instanceof Enum<?> e) {
            text(e.name());
        } else if (v instanceof Instant instant) {
            // ISO-8601 in UTC, which PostgreSQL reads; the rows of one chunk share a few instants (now, the run's
            // start), so each is formatted once.
            if (!instant.equals(lastInstant)) {
                lastInstant = instant;
                lastInstantText = instant.toString();
            }
            data.ascii(lastInstantText);
        } else if (v instanceof UUID || v instanceof Number) {
            // Their text forms are what PostgreSQL reads, with nothing to escape.
            data.ascii(v.toString());
        } else {
            throw new IllegalArgumentException("no COPY text form for " + v.getClass().getName());
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; UTF-8, the connection's encoding. */
    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> data.put('\\').put('\\');
                case '\t' -> data.put('\\').put('t');
                case '\n' -> data.put('\\').put('n');
                case '\r' -> data.put('\\').put('r');
                default -> {
                    if (c < 0x80) {
                        data.put(c);
                    } else {
                        int end = i + 1;
                        while (end < s.length() && s.charAt(end) >= 0x80) {
                            end++;
                        }
                        data.put(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                        i = end - 1;
                    }
                }
            }
        }
    }

    private static boolean driverPresent() {
        try {
            Class.forName("org.postgresql.PGConnection", false, BulkCopy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so the driver's classes load only where the driver is. */
    private static final class PgCopy {
        static boolean isPostgres(Connection c) throws SQLException {
            return c.isWrapperFor(org.postgresql.PGConnection.class);
        }

        static long copyIn(Connection c, String sql, InputStream data) throws SQLException {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql, data, 32 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The rows' bytes in 32 KB blocks rather than one growing array: a chunk's COPY is a few MB, and one
     * array of that size would be a humongous allocation for G1 (and copied at each doubling).
     */
    private static final class ByteBuilder {
        private static final int BLOCK = 32 * 1024;
        private final List<byte[]> blocks = new ArrayList<>();
        private byte[] block = new byte[BLOCK];
        private int used;

        ByteBuilder put(char c) {
            if (used == BLOCK) {
                next();
            }
            block[used++] = (byte) c;
            return this;
        }

        ByteBuilder put(byte[] bytes) {
            int from = 0;
            while (from < bytes.length) {
                if (used == BLOCK) {
                    next();
                }
                int n = Math.min(bytes.length - from, BLOCK - used);
                System.arraycopy(bytes, from, block, used, n);
                used += n;
                from += n;
            }
            return this;
        }

        void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i));
            }
        }

        private void next() {
            blocks.add(block);
            block = new byte[BLOCK];
            used = 0;
        }

        InputStream stream() {
            List<InputStream> parts = new ArrayList<>();
            for (byte[] b : blocks) {
                parts.add(new ByteArrayInputStream(b));
            }
            parts.add(new ByteArrayInputStream(block, 0, used));
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }
}
