package dev.cartera.reporting.internal;

import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.StandardReports.AbcClass;
import dev.cartera.reporting.StandardReports.SegmentRow;
import dev.cartera.reporting.StandardReports.XyzClass;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ABC and XYZ classes from each account's monthly revenue (already summed by the database). ABC: by
 * revenue, largest first, an account takes the class of the cumulative share reached before it.
 * XYZ: population coefficient of variation of the monthly series, zero months included.
 */
public final class Segmentation {
    private Segmentation() {
    }

    public static List<SegmentRow> classify(Map<UUID, BigDecimal[]> monthly, Map<String, String> names, ReportSettings settings) {
        record Total(UUID id, BigDecimal revenue, BigDecimal[] months) {
        }
        List<Total> totals = new ArrayList<>();
        BigDecimal grand = BigDecimal.ZERO;
        for (Map.Entry<UUID, BigDecimal[]> e : monthly.entrySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal m : e.getValue()) {
                sum = sum.add(m);
            }
            if (sum.signum() > 0) {
                totals.add(new Total(e.getKey(), sum, e.getValue()));
                grand = grand.add(sum);
            }
        }
        totals.sort(Comparator.comparing(Total::revenue).reversed().thenComparing(t -> t.id().toString()));
        List<SegmentRow> rows = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (Total t : totals) {
            BigDecimal share = t.revenue().divide(grand, 6, RoundingMode.HALF_UP);
            BigDecimal priorShare = before.divide(grand, MathContext.DECIMAL64);
            AbcClass abc = priorShare.compareTo(settings.abcA()) < 0 ? AbcClass.A
                    : priorShare.compareTo(settings.abcB()) < 0 ? AbcClass.B : AbcClass.C;
            before = before.add(t.revenue());
            double cv = variation(t.months());
            XyzClass xyz = cv <= settings.xyzX() ? XyzClass.X : cv <= settings.xyzY() ? XyzClass.Y : XyzClass.Z;
            rows.add(new SegmentRow(t.id(), names.getOrDefault(t.id().toString(), t.id().toString()), t.revenue(), share,
                    before.divide(grand, 6, RoundingMode.HALF_UP), abc, cv, xyz));
        }
        return rows;
    }

    /** Population standard deviation over mean; 0 for a single month. */
    public static double variation(BigDecimal[] months) {
        double mean = 0;
        for (BigDecimal m : months) {
            mean += m.doubleValue();
        }
        mean /= months.length;
        if (mean == 0) {
            return 0;
        }
        double squares = 0;
        for (BigDecimal m : months) {
            double d = m.doubleValue() - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / months.length) / mean;
    }
}
