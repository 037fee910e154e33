package dev.cartera.spring.reporting;

import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.DateRange;
import dev.cartera.reporting.FiscalCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The period a standard report covers: a month, the fiscal year to date, a whole fiscal year or any
 * days. Year-over-year comparisons are reports of their own ({@code monthly}, {@code year-over-year},
 * {@code years}), which place each figure beside last year's.
 */
public record ReportPeriod(Kind kind, YearMonth month, Integer fiscalYear, LocalDate from, LocalDate to) {

    public enum Kind { MONTH, YTD, YEAR, CUSTOM }

    /** Reads request parameters; anything missing means "now": this month, this fiscal year, to date. */
    public static ReportPeriod parse(String period, String month, Integer fiscalYear, LocalDate from, LocalDate to) {
        Kind kind;
        try {
            kind = period == null || period.isBlank() ? Kind.MONTH : Kind.valueOf(period.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("period", "report.period.unknown");
        }
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? null : YearMonth.parse(month.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("month", "report.period.month");
        }
        if (kind == Kind.CUSTOM && (from == null || to == null || to.isBefore(from))) {
            throw ValidationException.of("from", "report.period.range");
        }
        return new ReportPeriod(kind, m, fiscalYear, from, to);
    }

    public DateRange range(FiscalCalendar calendar, LocalDate today) {
        return switch (kind) {
            case MONTH -> DateRange.month(month != null ? month : YearMonth.from(today));
            case YTD -> {
                int fy = fiscalYear != null ? fiscalYear : calendar.fiscalYearOf(today);
                LocalDate end = calendar.end(fy).isBefore(today) ? calendar.end(fy) : today;
                LocalDate start = calendar.start(fy);
                yield DateRange.of(start, end.isBefore(start) ? start : end);
            }
            case YEAR -> {
                int fy = fiscalYear != null ? fiscalYear : calendar.fiscalYearOf(today);
                yield DateRange.of(calendar.start(fy), calendar.end(fy));
            }
            case CUSTOM -> DateRange.of(from, to);
        };
    }

    public int fiscalYear(FiscalCalendar calendar, LocalDate today) {
        return fiscalYear != null ? fiscalYear : calendar.fiscalYearOf(month != null ? month.atDay(1) : today);
    }
}
