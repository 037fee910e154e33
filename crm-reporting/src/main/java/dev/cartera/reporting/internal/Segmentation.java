package dev.cartera.reporting.internal;

import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.StandardReports.AbcClass;
import dev.cartera.reporting.StandardReports.SegmentRow;
import dev.cartera.reporting.StandardReports.XyzClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * ABC and XYZ classes from each account's revenue, summed by the database: the account's total over the
 * range and the sum of the squares of its per-month totals. ABC: by revenue, largest first, an account
 * takes the class of the cumulative share reached before it. XYZ: population coefficient of variation
 * of the monthly series, zero months included: {@code sqrt(n·squares − total²) / total}.
 */
public final class Segmentation {
    private Segmentation() {
    }

    /** An account's revenue over the range and the sum of the squares of its monthly revenues. */
    public record Revenue(UUID accountId, String name, BigDecimal total, BigDecimal squares) {
    }

    /** Accounts with a positive total, largest first (ties by id), classified over {@code months} months. */
    public static List<SegmentRow> classify(List<Revenue> accounts, int months, ReportSettings settings) {
        List<Ranked> ranked = new ArrayList<>(accounts.size());
        BigDecimal grand = BigDecimal.ZERO;
        for (Revenue r : accounts) {
            if (r.total().signum() > 0) {
                ranked.add(new Ranked(r, r.total().doubleValue()));
                grand = grand.add(r.total());
            }
        }
        ranked.sort(Ranked::compareTo);
        // The class boundaries as revenue, so each account compares sums instead of dividing.
        BigDecimal closesA = settings.abcA().multiply(grand);
        BigDecimal closesB = settings.abcB().multiply(grand);
        List<SegmentRow> rows = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        for (Ranked ranking : ranked) {
            Revenue t = ranking.revenue();
            AbcClass abc = before.compareTo(closesA) < 0 ? AbcClass.A : before.compareTo(closesB) < 0 ? AbcClass.B : AbcClass.C;
            before = before.add(t.total());
            double total = ranking.total();
            double cv = Math.sqrt(Math.max(0, spread(t, months, total))) / total;
            rows.add(new SegmentRow(t.accountId(), t.name() == null ? t.accountId().toString() : t.name(), t.total(),
                    t.total().divide(grand, 6, RoundingMode.HALF_UP), before.divide(grand, 6, RoundingMode.HALF_UP), abc, cv,
                    regularity(t, months, cv, settings)));
        }
        return rows;
    }

    /** By revenue, largest first, exactly (the double only orders the clearly different ones), then by id as text. */
    private record Ranked(Revenue revenue, double total) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked other) {
            int order = Double.compare(other.total, total);
            if (order == 0) {
                order = other.revenue.total().compareTo(revenue.total());
            }
            return order != 0 ? order : revenue.accountId().toString().compareTo(other.revenue.accountId().toString());
        }
    }

    /**
     * {@code n·squares − total²}, n² times the variance: in doubles, or exactly where the two terms nearly cancel
     * (a steady series, whose variation would otherwise show rounding noise instead of zero).
     */
    private static double spread(Revenue t, int months, double total) {
        double spread = months * approximate(t.squares()) - total * total;
        return spread > 1e-6 * total * total ? spread : exactSpread(t, months).doubleValue();
    }

    private static BigDecimal exactSpread(Revenue t, int months) {
        return t.squares().multiply(BigDecimal.valueOf(months)).subtract(t.total().multiply(t.total()));
    }

    /**
     * XYZ from the variation in doubles, unless it lies within rounding of a boundary: then exactly, comparing
     * {@code n·squares − total²} (n² times the variance) with {@code x²·total²}, so an account right on a
     * boundary gets its class whatever the rounding of the variation shown beside it.
     */
    private static XyzClass regularity(Revenue t, int months, double cv, ReportSettings settings) {
        double margin = 1e-9 * Math.max(1, cv);
        if (Math.abs(cv - settings.xyzX()) > margin && Math.abs(cv - settings.xyzY()) > margin) {
            return cv <= settings.xyzX() ? XyzClass.X : cv <= settings.xyzY() ? XyzClass.Y : XyzClass.Z;
        }
        BigDecimal totalSquared = t.total().multiply(t.total());
        BigDecimal spread = exactSpread(t, months);
        return spread.compareTo(squared(settings.xyzX()).multiply(totalSquared)) <= 0 ? XyzClass.X
                : spread.compareTo(squared(settings.xyzY()).multiply(totalSquared)) <= 0 ? XyzClass.Y : XyzClass.Z;
    }

    /**
     * The nearest double or one next to it: sums of squared amounts have more digits than {@link
     * BigDecimal#doubleValue()}'s quick path takes, and its slow path formats and parses text.
     */
    private static double approximate(BigDecimal value) {
        if (value.scale() >= 0 && value.scale() < POWERS_OF_TEN.length && value.precision() <= 18) {
            return value.unscaledValue().longValue() / POWERS_OF_TEN[value.scale()];
        }
        return value.doubleValue();
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static BigDecimal squared(double threshold) {
        BigDecimal t = BigDecimal.valueOf(threshold);
        return t.multiply(t);
    }
}
