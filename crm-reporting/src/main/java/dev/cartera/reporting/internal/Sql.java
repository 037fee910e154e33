package dev.cartera.reporting.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One SQL statement under construction: fixed text written by Cartera (table and column names come
 * from enums and whitelists only) and the values, always bound as {@code ?} parameters.
 */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends a fixed fragment; each {@code ?} in it is bound, in order, to the values. */
    public Sql add(String fixed, Object... values) {
        long placeholders = fixed.chars().filter(c -> c == '?').count();
        if (placeholders != values.length) {
            throw new IllegalArgumentException("placeholders and values differ in number: " + fixed);
        }
        text.append(fixed);
        for (Object value : values) {
            params.add(value);
        }
        return this;
    }

    /** {@code column in (?, ?, …)}, or a predicate that matches nothing for an empty set. */
    public Sql in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return add("1 = 0");
        }
        text.append(column).append(" in (");
        int i = 0;
        for (Object value : values) {
            text.append(i++ == 0 ? "?" : ", ?");
            params.add(value);
        }
        text.append(')');
        return this;
    }

    /**
     * The index {@code i} of the bucket {@code [bounds[i], bounds[i+1])} that holds the column's value,
     * as nested {@code case} expressions splitting the bounds in halves: about log2(n) comparisons per
     * row instead of n. The caller's WHERE keeps the value within {@code [bounds[0], bounds[n])}.
     */
    public Sql bucket(String column, List<?> bounds) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least one bucket");
        }
        return bucket(column, bounds, 0, bounds.size() - 1);
    }

    private Sql bucket(String column, List<?> bounds, int lo, int hi) {
        if (hi - lo == 1) {
            text.append(lo);
            return this;
        }
        int mid = (lo + hi) >>> 1;
        add("case when " + column + " < ? then ", bounds.get(mid));
        bucket(column, bounds, lo, mid);
        text.append(" else ");
        bucket(column, bounds, mid, hi);
        text.append(" end");
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> parameters() {
        return List.copyOf(params);
    }

    public <T> List<T> query(Connection connection, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed: " + e.getMessage(), e);
        }
    }

    public int update(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("report statement failed: " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            int index = i + 1;
            if (value instanceof Instant instant) {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Reads helpers that behave the same on H2 and PostgreSQL. */
    public static final class Rows {
        private Rows() {
        }

        public static UUID uuid(ResultSet rs, int column) throws SQLException {
            Object value = rs.getObject(column);
            if (value == null) {
                return null;
            }
            return value instanceof UUID u ? u : UUID.fromString(value.toString());
        }

        public static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
            BigDecimal value = rs.getBigDecimal(column);
            return value == null ? BigDecimal.ZERO : value;
        }

        public static Instant instant(ResultSet rs, int column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        public static String text(ResultSet rs, int column) throws SQLException {
            Object value = rs.getObject(column);
            return value == null ? null : value.toString();
        }
    }
}
