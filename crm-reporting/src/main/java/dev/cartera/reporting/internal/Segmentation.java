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
 * ABC and XYZ classes from each account's revenue, summed by the database: the account's exact total over
 * the range and the sum of the squares of its monthly totals (a double: it only feeds the variation).
 * ABC: by revenue, largest first, an account takes the class of the cumulative share reached before it.
 * XYZ: population coefficient of variation of the monthly series, zero months included,
 * {@code sqrt(n·squares − total²) / total}; a variation on a boundary takes the lower class, and so does one
 * within a billionth of it, so rounding never moves an account that sits exactly on a boundary.
 */
public final class Segmentation {
    /** How far above a boundary a variation still counts as on it: far beyond rounding, far below any business meaning. */
    static final double BOUNDARY_TOLERANCE = 1e-9;

    private Segmentation() {
    }

    /** An account's revenue over the range and the sum of the squares of its monthly revenues. */
    public record Revenue(UUID accountId, String name, BigDecimal total, double squares) {
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
        double regularX = settings.xyzX() * (1 + BOUNDARY_TOLERANCE);
        double regularY = settings.xyzY() * (1 + BOUNDARY_TOLERANCE);
        List<SegmentRow> rows = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        for (Ranked ranking : ranked) {
            Revenue t = ranking.revenue();
            AbcClass abc = before.compareTo(closesA) < 0 ? AbcClass.A : before.compareTo(closesB) < 0 ? AbcClass.B : AbcClass.C;
            before = before.add(t.total());
            double total = ranking.total();
            double cv = Math.sqrt(Math.max(0, months * t.squares() - total * total)) / total;
            XyzClass xyz = cv <= regularX ? XyzClass.X : cv <= regularY ? XyzClass.Y : XyzClass.Z;
            rows.add(new SegmentRow(t.accountId(), t.name() == null ? t.accountId().toString() : t.name(), t.total(),
                    t.total().divide(grand, 6, RoundingMode.HALF_UP), before.divide(grand, 6, RoundingMode.HALF_UP), abc, cv, xyz));
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
}
