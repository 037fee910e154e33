package dev.cartera.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Months and fiscal years in one time zone. A fiscal year is named after the calendar year it starts
 * in: with an April start, fiscal year 2026 runs from 1 April 2026 to 31 March 2027.
 */
public record FiscalCalendar(Month startMonth, ZoneId zone) {

    public int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= startMonth.getValue() ? date.getYear() : date.getYear() - 1;
    }

    public LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear, startMonth, 1);
    }

    /** The first day after the fiscal year. */
    public LocalDate end(int fiscalYear) {
        return start(fiscalYear + 1);
    }

    public List<YearMonth> months(int fiscalYear) {
        List<YearMonth> months = new ArrayList<>(12);
        YearMonth first = YearMonth.from(start(fiscalYear));
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    /** Midnight starting the day, in the calendar's zone. */
    public Instant instant(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    public Instant instant(YearMonth month) {
        return instant(month.atDay(1));
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The same day a year earlier; 29 February becomes 28 February. */
    public static LocalDate yearBefore(LocalDate date) {
        return date.minusYears(1);
    }
}
