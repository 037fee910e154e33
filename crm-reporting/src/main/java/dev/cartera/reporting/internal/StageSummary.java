package dev.cartera.reporting.internal;

import dev.cartera.reporting.FiscalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How the funnel and stage-duration reports read a range when the summaries of migration V14 are usable
 * ({@link ReportContext#stageSummariesUsable()}): the whole months inside {@code [from, to)} from the
 * summary ({@code crm_funnel_month} by creation month, {@code crm_stage_duration_month} by entry month),
 * the partial months at its ends ({@code tails}, at most two, each read as its own range) from the base
 * tables. Without whole months, {@code months} is null and the one tail is the whole range.
 */
public record StageSummary(List<Instant[]> tails, LocalDate monthsFrom, LocalDate monthsTo) {

    public static StageSummary split(FiscalCalendar cal, Instant from, Instant to) {
        YearMonth first = YearMonth.from(cal.dateOf(from));
        if (cal.instant(first).isBefore(from)) {
            first = first.plusMonths(1);
        }
        YearMonth end = YearMonth.from(cal.dateOf(to)); // the month holding the range's end: whole months stop before it
        Instant monthsFrom = cal.instant(first);
        Instant monthsTo = cal.instant(end);
        List<Instant[]> tails = new ArrayList<>();
        if (!first.isBefore(end)) {
            if (from.isBefore(to)) {
                tails.add(new Instant[] {from, to});
            }
            return new StageSummary(tails, null, null);
        }
        if (from.isBefore(monthsFrom)) {
            tails.add(new Instant[] {from, monthsFrom});
        }
        if (monthsTo.isBefore(to)) {
            tails.add(new Instant[] {monthsTo, to});
        }
        return new StageSummary(tails, first.atDay(1), end.atDay(1));
    }

    public boolean hasMonths() {
        return monthsFrom != null;
    }
}
