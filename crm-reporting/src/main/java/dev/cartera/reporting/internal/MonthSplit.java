package dev.cartera.reporting.internal;

import dev.cartera.reporting.FiscalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A range {@code [from, to)} cut for "summary + tail" reading: the whole months inside it, in the report zone
 * ({@code [monthsFrom, monthsTo)}, read from a monthly summary), and the partial months at its ends ({@code tails},
 * at most two, each read as its own range from the base table). Without whole months, {@code monthsFrom} and
 * {@code monthsTo} are null and the one tail is the whole range (none when it is empty). Used by
 * {@link MonthSummary} for each bucket, and by the funnel and stage-duration reports with the summaries of
 * migration V14 ({@link ReportContext#stageSummariesUsable()}).
 */
public record MonthSplit(List<Instant[]> tails, LocalDate monthsFrom, LocalDate monthsTo) {

    public static MonthSplit of(FiscalCalendar cal, Instant from, Instant to) {
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
            return new MonthSplit(tails, null, null);
        }
        if (from.isBefore(monthsFrom)) {
            tails.add(new Instant[] {from, monthsFrom});
        }
        if (monthsTo.isBefore(to)) {
            tails.add(new Instant[] {monthsTo, to});
        }
        return new MonthSplit(tails, first.atDay(1), end.atDay(1));
    }

    public boolean hasMonths() {
        return monthsFrom != null;
    }
}
