package dev.cartera.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quotients of report figures: four decimals, half-up, and null rather than a division by zero. */
public final class Ratios {
    private Ratios() {
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(long numerator, long denominator) {
        return ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Seconds as days, two decimals. */
    public static BigDecimal days(BigDecimal seconds, long count) {
        if (count == 0) {
            return null;
        }
        return seconds.divide(BigDecimal.valueOf(86_400L * count), 2, RoundingMode.HALF_UP);
    }
}
