package dev.cartera.core.imports.internal;

import dev.cartera.core.persistence.UnitOfWork;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The look-ups of a whole chunk on PostgreSQL in one statement. Each value list is bound once, as one
 * array parameter, and every probe of a key column joins it to the table by a lateral sub-select that
 * PostgreSQL must run as one index probe per value ({@code offset 0} keeps it from being flattened into a
 * plain join). A plain join was planned from the table's statistics, and those are stale during an import
 * (the lead table grows by thousands of rows a chunk; freshly loaded contacts may never have been analysed):
 * PostgreSQL then hashed the tenant's whole table for every probe, each chunk slower than the one before.
 * Plain SQL bypasses Hibernate's tenant filter: every probe names {@code tenant_id = ?} itself, bound to
 * the unit's tenant.
 */
final class ChunkQueries {
    /** One result row: which probe found it, the record's id (if asked for) and up to three text columns. */
    record Found(String probe, UUID id, String a, String b, String c) {
    }

    private final List<String> lists = new ArrayList<>();
    private final List<Collection<String>> values = new ArrayList<>();
    private final List<String> probes = new ArrayList<>();

    /** A named value list (a trusted constant name) that probes can join. */
    ChunkQueries values(String name, Collection<String> list) {
        lists.add(name + "(v) as (select unnest(cast(? as varchar[])))");
        values.add(list);
        return this;
    }

    /**
     * Rows of {@code table} whose {@code key} equals a value of the list {@code list}, in the unit's
     * tenant and meeting {@code condition} (or null); {@code columns} names the id column and up to three
     * text columns, null for none. All names are the caller's constants.
     */
    ChunkQueries probe(String name, String list, String table, String key, String condition, String... columns) {
        if (columns.length != 4) {
            throw new IllegalArgumentException("a probe selects an id and three text columns");
        }
        List<String> inner = new ArrayList<>();
        StringBuilder outer = new StringBuilder("select '").append(name).append("'");
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                outer.append(i == 0 ? ", cast(null as uuid)" : ", cast(null as varchar)");
            } else {
                inner.add("x." + columns[i]);
                outer.append(", y.").append(columns[i]);
            }
        }
        outer.append(" from ").append(list).append(" k cross join lateral (select ").append(String.join(", ", inner))
                .append(" from ").append(table).append(" x where x.tenant_id = ? and x.").append(key).append(" = k.v");
        if (condition != null) {
            outer.append(" and ").append(condition);
        }
        probes.add(outer.append(" offset 0) y").toString());
        return this;
    }

    /**
     * Keeps the planner's statistics of the tables an import probes close enough to their contents for the
     * probes above to be planned as index probes of the key. With statistics saying the tenant has next to
     * no rows, every index of the table that starts with the tenant looks as good as the key's, and
     * PostgreSQL picked one of them and filtered all the tenant's rows for each probed value (38 s for one
     * chunk of 5,000 rows against 4,500 leads). Autovacuum analyses a table within a minute or so of a large
     * change; an import grows the lead table faster than that. So: at the first chunk, tables that changed by
     * more than a fifth since their last {@code ANALYZE} (e.g. loaded in bulk just before) are analysed;
     * then the tables the import writes, on the probed columns only, after the first chunk that stored rows
     * and each time the rows stored since reach three times those before (100,000 rows: 3 analyses,
     * 1,000,000: 5). A table the connection's user may not analyse is skipped by PostgreSQL with a warning.
     */
    static final class Statistics {
        private final Map<String, String> probed;
        private final List<String> written;
        private boolean started;
        private long stored;
        private long next = 1;

        /** {@code probed}: table → its probed columns; {@code written}: the tables the import stores rows in. */
        Statistics(Map<String, String> probed, List<String> written) {
            this.probed = Map.copyOf(probed);
            this.written = List.copyOf(written);
        }

        /** Before a chunk's look-up; from the look-ahead thread or the writing one. */
        synchronized void beforeChunk(UnitOfWork work) {
            if (!started) {
                started = true;
                work.em().unwrap(Session.class).doWork(c -> {
                    List<String> stale = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("select relname from pg_stat_user_tables where schemaname = current_schema()"
                            + " and relname = any(?) and n_mod_since_analyze > greatest(1000, n_live_tup / 5)")) {
                        Array names = c.createArrayOf("varchar", probed.keySet().toArray());
                        ps.setArray(1, names);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                stale.add(rs.getString(1));
                            }
                        }
                        names.free();
                    }
                    analyze(c, stale);
                });
            } else if (stored >= next) {
                work.em().unwrap(Session.class).doWork(c -> analyze(c, written));
                next = stored * 4;
            }
        }

        synchronized void stored(int rows) {
            stored += rows;
        }

        private void analyze(Connection c, List<String> tables) throws SQLException {
            for (String table : tables) {
                String columns = probed.get(table); // the caller's constants, never a name read from the database
                if (columns != null) {
                    try (PreparedStatement ps = c.prepareStatement("analyze " + table + " (" + columns + ")")) {
                        ps.execute();
                    }
                }
            }
        }
    }

    String sql() {
        return "with " + String.join(", ", lists) + " " + String.join(" union all ", probes);
    }

    /** Runs the statement on the unit's connection. */
    List<Found> run(UnitOfWork work) {
        if (probes.isEmpty()) {
            return List.of();
        }
        String sql = sql();
        String tenant = work.tenantId();
        return work.em().unwrap(Session.class).doReturningWork(c -> {
            List<Array> arrays = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (Collection<String> list : values) {
                    Array array = c.createArrayOf("varchar", list.toArray());
                    arrays.add(array);
                    ps.setArray(p++, array);
                }
                for (int i = 0; i < probes.size(); i++) {
                    ps.setString(p++, tenant);
                }
                List<Found> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Found(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            } finally {
                for (Array a : arrays) {
                    a.free();
                }
            }
        });
    }
}
