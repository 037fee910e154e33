package dev.cartera.reporting.internal;

import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.Measure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Counts or sums a measure into time buckets and one dimension, in the database: each record falls
 * into the bucket {@code [bounds[i], bounds[i+1])} that holds its instant; GROUP BY does the rest.
 */
public final class MeasureQuery {
    private MeasureQuery() {
    }

    /** Aggregated figures of one bucket and dimension key (null key: no value, e.g. unassigned). */
    public record Cell(int bucket, String key, long count, BigDecimal amount) {
        public BigDecimal value(Measure measure) {
            return measure.isAmount() ? amount : BigDecimal.valueOf(count);
        }
    }

    /** Who the figures are restricted to, beyond the caller's visibility. */
    public enum OwnerFilter { USER, TEAM, OFFICE }

    public static List<Cell> run(ReportContext ctx, Measure measure, Dimension dimension, List<Instant> bounds) {
        return run(ctx, measure, dimension, bounds, null, null);
    }

    public static List<Cell> run(ReportContext ctx, Measure measure, Dimension dimension, List<Instant> bounds,
            OwnerFilter filter, UUID filterId) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least one bucket");
        }
        if (!measure.dimensions().contains(dimension)) {
            throw new IllegalArgumentException(dimension + " does not apply to " + measure);
        }
        Subject s = measure.subject();
        String at = measure.instantColumn();
        Sql sql = new Sql().add("select x.bucket, x.dim, count(*), coalesce(sum(x.val), 0) from (select ");
        sql.bucket(at, bounds);
        sql.add(" as bucket, " + s.dimension(dimension) + " as dim, "
                + (measure.isAmount() ? measure.amountColumn() : "1") + " as val");
        boolean people = filter == MeasureQuery.OwnerFilter.TEAM || filter == MeasureQuery.OwnerFilter.OFFICE;
        sql.add(" from " + s.from() + (people ? s.ownerJoins() : s.ownerJoins(dimension)));
        sql.add(" where " + s.alias() + ".tenant_id = ? and " + measure.condition(), ctx.tenant());
        sql.add(" and " + at + " >= ? and " + at + " < ?", bounds.get(0), bounds.get(bounds.size() - 1));
        if (filter != null) {
            switch (filter) {
                case USER -> sql.add(" and " + s.ownerColumn() + " = ?", filterId);
                case TEAM -> sql.add(" and u.team_id = ?", filterId);
                case OFFICE -> sql.add(" and coalesce(u.office_id, tm.office_id) = ?", filterId);
            }
        }
        ctx.visibility(s.recordType()).restrict(sql, s.ownerColumn());
        sql.add(") x group by x.bucket, x.dim");
        return ctx.query(sql, rs -> new Cell(rs.getInt(1), Sql.Rows.text(rs, 2), rs.getLong(3), Sql.Rows.decimal(rs, 4)));
    }
}
