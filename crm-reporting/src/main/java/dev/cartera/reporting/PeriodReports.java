package dev.cartera.reporting;

import dev.cartera.reporting.internal.Labels;
import dev.cartera.reporting.internal.MeasureQuery;
import dev.cartera.reporting.internal.MeasureQuery.Cell;
import dev.cartera.reporting.internal.Ratios;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.ReportRunner;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KD-5's periods: monthly series with the cumulative year to date, the same month a year earlier and
 * the previous year's cumulative; year to date against the previous year to the same day; full
 * fiscal years side by side. Months are cut in the report time zone; the fiscal year start is set in
 * {@link ReportSettings}.
 */
public final class PeriodReports {
    private final ReportRunner runner;

    public PeriodReports(ReportRunner runner) {
        this.runner = runner;
    }

    /** One month of a series: its value, the fiscal-year cumulative, and both a year earlier. */
    public record MonthPoint(YearMonth month, BigDecimal value, BigDecimal cumulative, BigDecimal sameMonthLastYear,
            BigDecimal previousCumulative) {
        public BigDecimal change() {
            return Ratios.ratio(value.subtract(sameMonthLastYear), sameMonthLastYear);
        }
    }

    public record Series(String key, String label, List<MonthPoint> months) {
        public BigDecimal total() {
            return months.get(months.size() - 1).cumulative();
        }
    }

    public record MonthlySeries(Measure measure, Dimension dimension, int fiscalYear, List<Series> series) {
        public ReportTable table() {
            ReportTable.Builder t = ReportTable.builder(measure + " " + fiscalYear)
                    .column("group", "Group", ReportTable.Type.TEXT)
                    .column("month", "Month", ReportTable.Type.TEXT)
                    .column("value", "Value", ReportTable.Type.DECIMAL)
                    .column("cumulative", "Year to date", ReportTable.Type.DECIMAL)
                    .column("sameMonthLastYear", "Same month last year", ReportTable.Type.DECIMAL)
                    .column("previousCumulative", "Previous year to date", ReportTable.Type.DECIMAL);
            for (Series s : series) {
                for (MonthPoint p : s.months()) {
                    t.row(s.label(), p.month().toString(), p.value(), p.cumulative(), p.sameMonthLastYear(), p.previousCumulative());
                }
            }
            return t.build();
        }
    }

    /** Twelve months of a fiscal year per dimension key, each with last year's figures beside it. */
    public MonthlySeries monthly(Measure measure, Dimension dimension, int fiscalYear) {
        return runner.read("monthly", ctx -> monthly(ctx, measure, dimension, fiscalYear));
    }

    static MonthlySeries monthly(ReportContext ctx, Measure measure, Dimension dimension, int fiscalYear) {
        StandardReports.requireDimension(measure, dimension);
        FiscalCalendar cal = ctx.calendar();
        List<YearMonth> months = new ArrayList<>(cal.months(fiscalYear - 1));
        months.addAll(cal.months(fiscalYear));
        List<Instant> bounds = new ArrayList<>();
        months.forEach(m -> bounds.add(cal.instant(m)));
        bounds.add(cal.instant(cal.end(fiscalYear)));
        Map<String, BigDecimal[]> values = new LinkedHashMap<>();
        for (Cell c : MeasureQuery.run(ctx, measure, dimension, bounds)) {
            values.computeIfAbsent(c.key(), k -> zeros(24))[c.bucket()] = c.value(measure);
        }
        Map<String, String> labels = Labels.of(ctx, dimension);
        List<Series> series = new ArrayList<>();
        if (values.isEmpty() && dimension == Dimension.NONE) {
            values.put("*", zeros(24));
        }
        for (Map.Entry<String, BigDecimal[]> e : values.entrySet()) {
            BigDecimal[] v = e.getValue();
            List<MonthPoint> points = new ArrayList<>();
            BigDecimal cumulative = BigDecimal.ZERO;
            BigDecimal previous = BigDecimal.ZERO;
            for (int i = 0; i < 12; i++) {
                cumulative = cumulative.add(v[12 + i]);
                previous = previous.add(v[i]);
                points.add(new MonthPoint(months.get(12 + i), v[12 + i], cumulative, v[i], previous));
            }
            series.add(new Series(e.getKey(), Labels.label(labels, dimension, e.getKey()), points));
        }
        series.sort(Comparator.comparing(Series::label));
        return new MonthlySeries(measure, dimension, fiscalYear, series);
    }

    /** A dimension key's figure from the fiscal year start to a day, and the previous year's to the same day. */
    public record YearToDateRow(String key, String label, BigDecimal current, BigDecimal previous) {
        public BigDecimal change() {
            return Ratios.ratio(current.subtract(previous), previous);
        }
    }

    public record YearToDate(Measure measure, Dimension dimension, LocalDate asOf, DateRange current, DateRange previous,
            List<YearToDateRow> rows) {
        public ReportTable table() {
            ReportTable.Builder t = ReportTable.builder(measure + " YTD " + asOf)
                    .column("group", "Group", ReportTable.Type.TEXT)
                    .column("current", "Year to date", ReportTable.Type.DECIMAL)
                    .column("previous", "Previous year to date", ReportTable.Type.DECIMAL)
                    .column("change", "Change", ReportTable.Type.PERCENT);
            rows.forEach(r -> t.row(r.label(), r.current(), r.previous(), r.change()));
            return t.build();
        }
    }

    /**
     * Year to date ending on {@code asOf} (included) against the previous fiscal year up to the same
     * day a year earlier; a 29 February compares with 28 February.
     */
    public YearToDate yearToDate(Measure measure, Dimension dimension, LocalDate asOf) {
        return runner.read("year-to-date", ctx -> yearToDate(ctx, measure, dimension, asOf));
    }

    static YearToDate yearToDate(ReportContext ctx, Measure measure, Dimension dimension, LocalDate asOf) {
        StandardReports.requireDimension(measure, dimension);
        FiscalCalendar cal = ctx.calendar();
        int fy = cal.fiscalYearOf(asOf);
        DateRange current = DateRange.of(cal.start(fy), asOf);
        DateRange previous = DateRange.of(cal.start(fy - 1), FiscalCalendar.yearBefore(asOf));
        List<DateRange> ranges = List.of(current, previous);
        Map<String, BigDecimal[]> v = twoRanges(ctx, measure, dimension, previous, current);
        Map<String, String> labels = Labels.of(ctx, dimension);
        List<YearToDateRow> rows = new ArrayList<>();
        v.forEach((k, a) -> rows.add(new YearToDateRow(k, Labels.label(labels, dimension, k), a[1], a[0])));
        rows.sort(Comparator.comparing(YearToDateRow::label));
        return new YearToDate(measure, dimension, asOf, ranges.get(0), ranges.get(1), rows);
    }

    /** Sums of two non-overlapping ranges, earlier first: index 0 for {@code earlier}, 1 for {@code later}. */
    static Map<String, BigDecimal[]> twoRanges(ReportContext ctx, Measure measure, Dimension dimension, DateRange earlier,
            DateRange later) {
        FiscalCalendar cal = ctx.calendar();
        // Three bounds when the ranges touch, four (with a gap bucket that is dropped) otherwise.
        List<Instant> bounds = new ArrayList<>(List.of(earlier.start(cal), earlier.end(cal)));
        boolean gap = earlier.end(cal).isBefore(later.start(cal));
        if (gap) {
            bounds.add(later.start(cal));
        }
        bounds.add(later.end(cal));
        Map<String, BigDecimal[]> values = new LinkedHashMap<>();
        if (dimension == Dimension.NONE) {
            values.put("*", zeros(2));
        }
        for (Cell c : MeasureQuery.run(ctx, measure, dimension, bounds, null, null, gap ? java.util.Set.of(1) : java.util.Set.of())) {
            int slot = c.bucket() == 0 ? 0 : gap && c.bucket() == 1 ? -1 : 1;
            if (slot >= 0) {
                values.computeIfAbsent(c.key(), k -> zeros(2))[slot] = c.value(measure);
            }
        }
        return values;
    }

    /** Full fiscal years side by side for each dimension key. */
    public record YearsSideBySide(Measure measure, Dimension dimension, List<Integer> years, List<YearsRow> rows) {
        public ReportTable table() {
            ReportTable.Builder t = ReportTable.builder(measure + " by year").column("group", "Group", ReportTable.Type.TEXT);
            years.forEach(y -> t.column("fy" + y, String.valueOf(y), ReportTable.Type.DECIMAL));
            for (YearsRow r : rows) {
                List<Object> cells = new ArrayList<>();
                cells.add(r.label());
                cells.addAll(r.values());
                t.row(cells, Map.of());
            }
            return t.build();
        }
    }

    public record YearsRow(String key, String label, List<BigDecimal> values) {
    }

    public YearsSideBySide years(Measure measure, Dimension dimension, int firstFiscalYear, int lastFiscalYear) {
        if (lastFiscalYear < firstFiscalYear || lastFiscalYear - firstFiscalYear > 20) {
            throw dev.cartera.core.common.ValidationException.of("years", "report.years.invalid");
        }
        return runner.read("years", ctx -> {
            StandardReports.requireDimension(measure, dimension);
            FiscalCalendar cal = ctx.calendar();
            List<Integer> years = new ArrayList<>();
            List<Instant> bounds = new ArrayList<>();
            for (int y = firstFiscalYear; y <= lastFiscalYear; y++) {
                years.add(y);
                bounds.add(cal.instant(cal.start(y)));
            }
            bounds.add(cal.instant(cal.end(lastFiscalYear)));
            Map<String, BigDecimal[]> values = new LinkedHashMap<>();
            if (dimension == Dimension.NONE) {
                values.put("*", zeros(years.size()));
            }
            for (Cell c : MeasureQuery.run(ctx, measure, dimension, bounds)) {
                values.computeIfAbsent(c.key(), k -> zeros(years.size()))[c.bucket()] = c.value(measure);
            }
            Map<String, String> labels = Labels.of(ctx, dimension);
            List<YearsRow> rows = new ArrayList<>();
            values.forEach((k, v) -> rows.add(new YearsRow(k, Labels.label(labels, dimension, k), List.of(v))));
            rows.sort(Comparator.comparing(YearsRow::label));
            return new YearsSideBySide(measure, dimension, years, rows);
        });
    }

    /** A measure over any range, by dimension (one bucket). */
    public Map<String, BigDecimal> total(Measure measure, Dimension dimension, DateRange range) {
        return runner.read("total", ctx -> {
            StandardReports.requireDimension(measure, dimension);
            Map<String, BigDecimal> out = new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            for (Cell c : MeasureQuery.run(ctx, measure, dimension, List.of(range.start(ctx.calendar()), range.end(ctx.calendar())))) {
                out.put(c.key(), c.value(measure));
            }
            return out;
        });
    }

    static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
