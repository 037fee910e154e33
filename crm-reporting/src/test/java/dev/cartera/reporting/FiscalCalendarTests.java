package dev.cartera.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FiscalCalendarTests {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void aFiscalYearIsNamedAfterTheYearItStartsIn() {
        FiscalCalendar april = new FiscalCalendar(Month.APRIL, MADRID);
        assertThat(april.fiscalYearOf(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(april.fiscalYearOf(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
        assertThat(april.months(2026)).startsWith(YearMonth.of(2026, 4)).endsWith(YearMonth.of(2027, 3));
    }

    @Test
    void monthsStartAtMadridMidnightInWinterAndSummer() {
        FiscalCalendar cal = new FiscalCalendar(Month.JANUARY, MADRID);
        assertThat(cal.instant(YearMonth.of(2026, 1))).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(cal.instant(YearMonth.of(2026, 7))).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void theLeapDayComparesWithTheLastDayOfFebruary() {
        assertThat(FiscalCalendar.yearBefore(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(DateRange.month(YearMonth.of(2028, 2)).to()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Property(tries = 500)
    void everyDayBelongsToExactlyOneOfItsFiscalYearsMonths(@ForAll Month start,
            @ForAll @IntRange(min = 0, max = 3650) int offset) {
        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(offset);
        FiscalCalendar cal = new FiscalCalendar(start, MADRID);
        int fy = cal.fiscalYearOf(day);
        assertThat(cal.start(fy)).isBeforeOrEqualTo(day);
        assertThat(cal.end(fy)).isAfter(day);
        assertThat(cal.months(fy)).containsOnlyOnce(YearMonth.from(day));
        assertThat(cal.months(fy)).hasSize(12).doesNotHaveDuplicates();
    }
}
