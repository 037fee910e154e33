package dev.cartera.core.imports.internal;

import dev.cartera.core.persistence.UnitOfWork;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Set-based look-ups of a whole chunk on PostgreSQL: each value list goes as one array parameter, so a
 * chunk of any size is one prepared statement with a handful of parameters instead of an IN list that
 * Hibernate re-translates per size and PostgreSQL caps at 32,767 values. The array is joined as
 * {@code unnest(?)}, one {@code union all} branch per key column: PostgreSQL then probes the key's index
 * once per value. ({@code key = any(?)} filters, or-ed, let a generic plan scan the whole table comparing
 * each row with every value — 40 s a chunk once the table held 45,000 leads.) Plain SQL bypasses
 * Hibernate's tenant filter: every statement names {@code tenant_id = ?} itself, and the callers pass the
 * unit's tenant for it.
 */
final class ChunkQueries {
    private ChunkQueries() {
    }

    /**
     * {@code select <columns> from unnest(?) k(v) join <table> x on x.<key> = k.v where x.tenant_id = ? [and <condition>]},
     * one branch per key column; parameters per branch: the values, then the tenant. Names are the caller's constants.
     */
    static String lookup(String table, String condition, String columns, String... keys) {
        String selected = "x." + columns.replace(", ", ", x.");
        StringBuilder sql = new StringBuilder();
        for (String key : keys) {
            if (sql.length() > 0) {
                sql.append(" union all ");
            }
            sql.append("select ").append(selected).append(" from unnest(cast(? as varchar[])) k(v) join ").append(table)
                    .append(" x on x.").append(key).append(" = k.v where x.tenant_id = ?");
            if (condition != null) {
                sql.append(" and ").append(condition);
            }
        }
        return sql.toString();
    }

    /** Runs {@code sql} on the unit's connection; a String parameter binds as text, a collection as one varchar array. */
    static List<Object[]> rows(UnitOfWork work, String sql, Object... params) {
        return work.em().unwrap(Session.class).doReturningWork(c -> {
            List<Array> arrays = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof Collection<?> values) {
                        Array array = c.createArrayOf("varchar", values.toArray());
                        arrays.add(array);
                        ps.setArray(i + 1, array);
                    } else {
                        ps.setString(i + 1, (String) params[i]);
                    }
                }
                List<Object[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        out.add(row);
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
