package dev.cartera.reporting.internal;

import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.Measure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
        return run(ctx, measure, dimension, bounds, filter, filterId, Set.of());
    }

    /**
     * As {@link #run(ReportContext, Measure, Dimension, List, OwnerFilter, UUID)}, leaving out the
     * buckets in {@code skip} (a gap between two compared periods): their records are not even read.
     * A team, office or role dimension is a function of the owner, so the records are summed per owner
     * first and only those sums are joined to the people.
     */
    public static List<Cell> run(ReportContext ctx, Measure measure, Dimension dimension, List<Instant> bounds,
            OwnerFilter filter, UUID filterId, Set<Integer> skip) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least one bucket");
        }
        if (!measure.dimensions().contains(dimension)) {
            throw new IllegalArgumentException(dimension + " does not apply to " + measure);
        }
        Subject s = measure.subject();
        boolean peopleFilter = filter == OwnerFilter.TEAM || filter == OwnerFilter.OFFICE;
        boolean perOwner = !peopleFilter && !s.ownerJoins(dimension).isEmpty();
        Sql sql = new Sql();
        if (perOwner) {
            sql.add("select y.bucket, " + s.dimension(dimension) + ", sum(y.n), coalesce(sum(y.val), 0) from ("
                    + "select x.bucket, x.owner_id, sum(x.n) as n, sum(x.val) as val from (");
        } else {
            sql.add("select x.bucket, x.dim, sum(x.n), coalesce(sum(x.val), 0) from (");
        }
        // Closed deals and done activities: whole months from the monthly summary where it is usable,
        // the partial months from the base table; other records from the base table alone.
        MonthSummary summary = MonthSummary.of(measure.instantColumn());
        List<MonthSummary.Part> parts = summary != null ? summary.parts(ctx, bounds, skip) : null;
        if (parts == null) {
            sql.add("select ");
            sql.bucket(measure.instantColumn(), bounds);
            part(ctx, sql, measure, dimension, s, "1", s.from(), perOwner, peopleFilter);
            baseRanges(sql, measure.instantColumn(), bounds, skip);
        } else {
            for (int i = 0; i < parts.size(); i++) {
                MonthSummary.Part p = parts.get(i);
                sql.add(i > 0 ? " union all select " : "select ");
                p.bucket(sql);
                part(ctx, sql, measure, dimension, s, p.count(), p.from(), perOwner, peopleFilter);
                p.range(sql, ctx);
                restrict(ctx, sql, s, filter, filterId);
            }
        }
        if (parts == null) {
            restrict(ctx, sql, s, filter, filterId);
        }
        if (perOwner) {
            sql.add(") x group by x.bucket, x.owner_id) y left join crm_user u on u.id = y.owner_id and u.tenant_id = ?"
                    + " left join crm_team tm on tm.id = u.team_id and tm.tenant_id = u.tenant_id"
                    + " group by y.bucket, " + s.dimension(dimension), ctx.tenant());
        } else {
            sql.add(") x group by x.bucket, x.dim");
        }
        return ctx.query(sql, rs -> new Cell(rs.getInt(1), Sql.Rows.text(rs, 2), rs.getLong(3), Sql.Rows.decimal(rs, 4)));
    }

    /** After the bucket: the grouped key, the record count and value, the table, tenant and the measure's condition. */
    private static void part(ReportContext ctx, Sql sql, Measure measure, Dimension dimension, Subject s, String count, String from,
            boolean perOwner, boolean peopleFilter) {
        sql.add(" as bucket, " + (perOwner ? s.ownerColumn() + " as owner_id" : s.dimension(dimension) + " as dim") + ", "
                + count + " as n, " + (measure.isAmount() ? measure.amountColumn() : count) + " as val");
        sql.add(" from " + from + (peopleFilter ? s.ownerJoins() : ""));
        sql.add(" where " + s.alias() + ".tenant_id = ? and " + measure.condition(), ctx.tenant());
    }

    /** {@code and (<at> in one of the runs of buckets not skipped)}. */
    private static void baseRanges(Sql sql, String at, List<Instant> bounds, Set<Integer> skip) {
        sql.add(" and (");
        int runs = 0;
        for (int i = 0; i < bounds.size() - 1; i++) {
            if (skip.contains(i) || (i > 0 && !skip.contains(i - 1))) {
                continue;
            }
            int end = i;
            while (end + 1 < bounds.size() - 1 && !skip.contains(end + 1)) {
                end++;
            }
            sql.add((runs++ > 0 ? " or " : "") + "(" + at + " >= ? and " + at + " < ?)", bounds.get(i), bounds.get(end + 1));
        }
        if (runs == 0) {
            sql.add("1 = 0");
        }
        sql.add(")");
    }

    /** The owner filter and the caller's visibility. */
    private static void restrict(ReportContext ctx, Sql sql, Subject s, OwnerFilter filter, UUID filterId) {
        if (filter != null) {
            switch (filter) {
                case USER -> sql.add(" and " + s.ownerColumn() + " = ?", filterId);
                case TEAM -> sql.add(" and u.team_id = ?", filterId);
                case OFFICE -> sql.add(" and coalesce(u.office_id, tm.office_id) = ?", filterId);
            }
        }
        ctx.visibility(s.recordType()).restrict(sql, s.ownerColumn());
    }
}
