package dev.cartera.reporting;

import java.math.BigDecimal;
import java.time.Month;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How reports cut time and classify customers: the time zone of month boundaries (Europe/Madrid by
 * default), the first month of the fiscal year (January by default), ABC revenue shares and XYZ
 * coefficient-of-variation limits, and the most rows a custom report returns.
 *
 * @param abcA cumulative revenue share that closes class A (0.80: the accounts making the first 80 %)
 * @param abcB cumulative revenue share that closes class B (0.95); the rest is C
 * @param xyzX highest coefficient of variation of monthly revenue still regular (X)
 * @param xyzY highest coefficient of variation still Y; above it is Z
 */
public record ReportSettings(ZoneId zone, Month fiscalYearStart, BigDecimal abcA, BigDecimal abcB, double xyzX,
        double xyzY, int maxRows) {

    public ReportSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fiscalYearStart, "fiscalYearStart");
        if (abcA.compareTo(BigDecimal.ZERO) <= 0 || abcA.compareTo(abcB) > 0 || abcB.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ABC shares must satisfy 0 < A <= B <= 1");
        }
        if (xyzX < 0 || xyzX > xyzY) {
            throw new IllegalArgumentException("XYZ limits must satisfy 0 <= X <= Y");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
    }

    public static ReportSettings defaults() {
        return new ReportSettings(ZoneId.of("Europe/Madrid"), Month.JANUARY, new BigDecimal("0.80"), new BigDecimal("0.95"),
                0.10, 0.25, 1000);
    }

    public ReportSettings withZone(ZoneId zone) {
        return new ReportSettings(zone, fiscalYearStart, abcA, abcB, xyzX, xyzY, maxRows);
    }

    public ReportSettings withFiscalYearStart(Month month) {
        return new ReportSettings(zone, month, abcA, abcB, xyzX, xyzY, maxRows);
    }

    public ReportSettings withMaxRows(int rows) {
        return new ReportSettings(zone, fiscalYearStart, abcA, abcB, xyzX, xyzY, rows);
    }

    public FiscalCalendar calendar() {
        return new FiscalCalendar(fiscalYearStart, zone);
    }
}
