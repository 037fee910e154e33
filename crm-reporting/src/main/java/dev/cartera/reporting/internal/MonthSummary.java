package dev.cartera.reporting.internal;

import dev.cartera.reporting.FiscalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The monthly summaries of closed deals and completed activities (PostgreSQL, kept by the triggers of
 * migration V12 in the zone stored in {@code crm_report_summary_zone}), and how a report range reads
 * them: the whole months inside it from the summary, the partial months at its ends from the base
 * table ("summary + tail"). The summary table has the base table's alias and the same column names
 * for what the reports read ({@code owner_id}, {@code status}, {@code source}, {@code stage_id},
 * {@code lost_reason}, {@code amount}, {@code type}), so the reports' conditions and dimensions apply
 * to both; a summary row counts {@code n} records, a base row one.
 */
public enum MonthSummary {
    DEALS("crm_opportunity o", "crm_deal_month o", "o", "o.closed_at"),
    ACTIVITIES("crm_activity a", "crm_activity_month a", "a", "a.completed_at"),
    /**
     * Won revenue per account and month ({@code crm_account_month}, migration V15: won deals with an account
     * and an amount, no owner): for the ABC/XYZ segmentation of a caller who sees every deal. After
     * {@link #DEALS}, so {@link #of} keeps answering the deal summary for {@code o.closed_at}.
     */
    ACCOUNT_MONTHS("crm_opportunity o", "crm_account_month o", "o", "o.closed_at");

    private final String base;
    private final String summary;
    private final String alias;
    private final String instant;

    MonthSummary(String base, String summary, String alias, String instant) {
        this.base = base;
        this.summary = summary;
        this.alias = alias;
        this.instant = instant;
    }

    /** The summary that holds a measure's records by its instant column, or null. */
    public static MonthSummary of(String instantColumn) {
        for (MonthSummary s : values()) {
            if (s.instant.equals(instantColumn)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The parts to read for buckets {@code [bounds[i], bounds[i+1])} (those in {@code skip} not at all):
     * without usable summaries one base part over the whole ranges; with them a base part over the
     * partial months (if any) and a summary part over the whole months (if any). Never empty.
     */
    public List<Part> parts(ReportContext ctx, List<Instant> bounds, Set<Integer> skip) {
        List<Instant[]> whole = new ArrayList<>();
        for (int i = 0; i < bounds.size() - 1; i++) {
            if (!skip.contains(i)) {
                whole.add(new Instant[] {bounds.get(i), bounds.get(i + 1)});
            }
        }
        if (!ctx.summariesUsable()) {
            return List.of(new Part(this, false, merge(whole), bounds, null));
        }
        FiscalCalendar cal = ctx.calendar();
        List<Instant[]> tails = new ArrayList<>();
        List<Instant[]> monthRuns = new ArrayList<>();
        for (int i = 0; i < bounds.size() - 1; i++) {
            if (skip.contains(i)) {
                continue;
            }
            Instant lo = bounds.get(i);
            Instant hi = bounds.get(i + 1);
            MonthSplit split = MonthSplit.of(cal, lo, hi);
            if (!split.hasMonths()) {
                tails.add(new Instant[] {lo, hi});
                continue;
            }
            tails.addAll(split.tails());
            monthRuns.add(new Instant[] {cal.instant(split.monthsFrom()), cal.instant(split.monthsTo())});
        }
        List<Part> parts = new ArrayList<>();
        // One base part per partial stretch: a plain range each reads the covering index alone, where
        // ranges joined by OR made PostgreSQL combine bitmaps and visit the table's rows.
        for (Instant[] tail : merge(tails)) {
            parts.add(new Part(this, false, java.util.Collections.singletonList(tail), bounds, null));
        }
        if (tails.isEmpty() && monthRuns.isEmpty()) {
            parts.add(new Part(this, false, List.of(), bounds, null));
        }
        if (!monthRuns.isEmpty()) {
            List<LocalDate> monthBounds = new ArrayList<>();
            for (Instant b : bounds) {
                LocalDate d = cal.dateOf(b);
                monthBounds.add(cal.instant(d).isBefore(b) ? d.plusDays(1) : d);
            }
            parts.add(new Part(this, true, merge(monthRuns), bounds, monthBounds));
        }
        return parts;
    }

    /** The parts for one range. */
    public List<Part> parts(ReportContext ctx, Instant from, Instant to) {
        return parts(ctx, List.of(from, to), Set.of());
    }

    private static List<Instant[]> merge(List<Instant[]> ranges) {
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] r : ranges) {
            Instant[] prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && !prev[1].isBefore(r[0])) {
                prev[1] = r[1].isAfter(prev[1]) ? r[1] : prev[1];
            } else {
                merged.add(new Instant[] {r[0], r[1]});
            }
        }
        return merged;
    }

    /**
     * One side of a report's {@code union all}: base rows in some ranges of instants, or summary rows of
     * whole months (the ranges are then month starts, matched against the {@code month} column as dates).
     */
    public record Part(MonthSummary table, boolean summary, List<Instant[]> ranges, List<Instant> bounds, List<LocalDate> monthBounds) {

        public String from() {
            return summary ? table.summary : table.base;
        }

        /** How many records a row stands for. */
        public String count() {
            return summary ? table.alias + ".n" : "1";
        }

        /** A deal's sales cycle in seconds, summed over the row's deals. */
        public String cycleSeconds() {
            return summary ? table.alias + ".cycle_secs"
                    : "extract(epoch from o.closed_at) - extract(epoch from o.created_at)";
        }

        /** Appends {@code and (<ranges>)}, or a predicate matching nothing when there is none. */
        public Sql range(Sql sql, ReportContext ctx) {
            if (ranges.isEmpty()) {
                return sql.add(" and 1 = 0");
            }
            sql.add(" and (");
            for (int i = 0; i < ranges.size(); i++) {
                Instant[] r = ranges.get(i);
                if (summary) {
                    FiscalCalendar cal = ctx.calendar();
                    sql.add((i > 0 ? " or " : "") + "(" + table.alias + ".month >= ? and " + table.alias + ".month < ?)",
                            cal.dateOf(r[0]), cal.dateOf(r[1]));
                } else {
                    sql.add((i > 0 ? " or " : "") + "(" + table.instant + " >= ? and " + table.instant + " < ?)", r[0], r[1]);
                }
            }
            return sql.add(")");
        }

        /** The index of the bucket that holds the row. */
        public Sql bucket(Sql sql) {
            return summary ? sql.bucket(table.alias + ".month", monthBounds) : sql.bucket(table.instant, bounds);
        }
    }
}
