package dev.cartera.spring.reporting;

import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.DateRange;
import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.FiscalCalendar;
import dev.cartera.reporting.Measure;
import dev.cartera.reporting.PeriodReports;
import dev.cartera.reporting.Plans;
import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.ReportTable;
import dev.cartera.reporting.StandardReports;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The standard reports by name, each answered as a {@link ReportTable} for a period and, where it
 * makes sense, a dimension and a measure. REST and UI serve the same tables; exports write them.
 */
public final class StandardReportCatalog {

    /** The reports, by the name used in URLs; which parameters each reads. */
    public enum Report {
        PIPELINE("pipeline", false, false, false),
        FUNNEL("funnel", true, false, false),
        WIN_RATE("win-rate", true, true, false),
        STAGE_DURATIONS("stage-durations", true, false, false),
        STUCK_DEALS("stuck-deals", false, false, false),
        INTERACTIONS("interactions", true, false, false),
        SOURCES("sources", true, false, false),
        CAMPAIGNS("campaigns", false, false, false),
        LOST_REASONS("lost-reasons", true, false, false),
        QUOTES("quotes", true, false, false),
        PRODUCTS("products", true, false, false),
        PLANS("plans", false, false, false),
        SEGMENTS("segments", true, false, false),
        MONTHLY("monthly", true, true, true),
        SAME_MONTH("same-month", true, true, true),
        YEAR_OVER_YEAR("year-over-year", true, true, true),
        YEARS("years", false, true, true);

        private final String slug;
        private final boolean period;
        private final boolean dimension;
        private final boolean measure;

        Report(String slug, boolean period, boolean dimension, boolean measure) {
            this.slug = slug;
            this.period = period;
            this.dimension = dimension;
            this.measure = measure;
        }

        public String slug() {
            return slug;
        }

        public boolean usesPeriod() {
            return period;
        }

        public boolean usesDimension() {
            return dimension;
        }

        public boolean usesMeasure() {
            return measure;
        }

        public static Optional<Report> bySlug(String slug) {
            return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
        }
    }

    /** What a report is asked for; null dimension and measure mean the report's default. */
    public record Request(ReportPeriod period, Dimension dimension, Measure measure) {
    }

    private final CarteraReports reports;
    private final ReportSettings settings;
    private final Clock clock;

    public StandardReportCatalog(CarteraReports reports, ReportSettings settings, Clock clock) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
    }

    public FiscalCalendar calendar() {
        return settings.calendar();
    }

    public LocalDate today() {
        return calendar().dateOf(clock.instant());
    }

    /** Which dimensions a report may be broken down by. */
    public List<Dimension> dimensions(Report report, Measure measure) {
        if (!report.usesDimension()) {
            return List.of();
        }
        if (report == Report.WIN_RATE) {
            return List.of(Dimension.NONE, Dimension.USER, Dimension.TEAM, Dimension.OFFICE, Dimension.ROLE, Dimension.SOURCE);
        }
        return Arrays.stream(Dimension.values()).filter(measureOrDefault(measure).dimensions()::contains).toList();
    }

    public static Measure measureOrDefault(Measure measure) {
        return measure == null ? Measure.REVENUE_WON : measure;
    }

    public ReportTable run(Report report, Request request) {
        LocalDate today = today();
        FiscalCalendar cal = calendar();
        ReportPeriod period = request.period() == null ? ReportPeriod.parse(null, null, null, null, null) : request.period();
        DateRange range = period.range(cal, today);
        Measure measure = measureOrDefault(request.measure());
        Dimension dimension = request.dimension() == null ? Dimension.NONE : request.dimension();
        if (report.usesDimension() && !dimensions(report, measure).contains(dimension)) {
            throw ValidationException.of("dimension", "report.dimension.unsupported");
        }
        StandardReports s = reports.standard();
        return switch (report) {
            case PIPELINE -> StandardReports.pipelineTable(s.pipeline());
            case FUNNEL -> {
                ReportTable.Builder t = ReportTable.builder("Funnel")
                        .column("stage", "Stage", ReportTable.Type.TEXT)
                        .column("reached", "Reached", ReportTable.Type.INTEGER)
                        .column("conversionToNext", "Conversion to next", ReportTable.Type.PERCENT);
                s.funnel(range, null).forEach(f -> t.row(f.stage(), f.reached(), f.conversionToNext()));
                yield t.build();
            }
            case WIN_RATE -> StandardReports.winRateTable(s.winRate(range, dimension));
            case STAGE_DURATIONS -> StandardReports.stageDurationTable(s.stageDurations(range));
            case STUCK_DEALS -> {
                ReportTable.Builder t = ReportTable.builder("Stuck deals")
                        .column("name", "Deal", ReportTable.Type.TEXT)
                        .column("stage", "Stage", ReportTable.Type.TEXT)
                        .column("enteredAt", "In stage since", ReportTable.Type.DATETIME)
                        .column("limitDays", "Planned limit (days)", ReportTable.Type.INTEGER);
                s.stuckDeals().forEach(d -> t.row(d.name(), d.stage(), d.enteredAt(), d.limitDays()));
                yield t.build();
            }
            case INTERACTIONS -> StandardReports.interactionTable(s.interactionEffectiveness(range));
            case SOURCES -> StandardReports.sourceTable(s.sources(range));
            case CAMPAIGNS -> StandardReports.campaignTable(s.campaigns());
            case LOST_REASONS -> {
                ReportTable.Builder t = ReportTable.builder("Lost reasons")
                        .column("reason", "Reason", ReportTable.Type.TEXT)
                        .column("deals", "Deals", ReportTable.Type.INTEGER)
                        .column("amount", "Amount", ReportTable.Type.DECIMAL);
                s.lostReasons(range).forEach(r -> t.row(r.reason(), r.deals(), r.amount()));
                yield t.build();
            }
            case QUOTES -> {
                ReportTable.Builder t = ReportTable.builder("Quotes")
                        .column("status", "Status", ReportTable.Type.TEXT)
                        .column("quotes", "Quotes", ReportTable.Type.INTEGER)
                        .column("netTotal", "Net total", ReportTable.Type.DECIMAL);
                s.quotes(range).forEach(q -> t.row(q.status(), q.quotes(), q.netTotal()));
                yield t.build();
            }
            case PRODUCTS -> {
                ReportTable.Builder t = ReportTable.builder("Products sold")
                        .column("product", "Product", ReportTable.Type.TEXT)
                        .column("lines", "Lines", ReportTable.Type.INTEGER)
                        .column("quantity", "Quantity", ReportTable.Type.DECIMAL)
                        .column("net", "Net", ReportTable.Type.DECIMAL);
                s.productsSold(range).forEach(p -> t.row(p.product(), p.lines(), p.quantity(), p.net()));
                yield t.build();
            }
            case PLANS -> Plans.table(reports.plans().fulfilment(period.kind() == ReportPeriod.Kind.MONTH && period.month() == null
                    ? today : range.to().isAfter(today) ? today : range.to()));
            case SEGMENTS -> StandardReports.segmentTable(s.abcXyz(range));
            case MONTHLY -> reports.periods().monthly(measure, dimension, period.fiscalYear(cal, today)).table();
            case SAME_MONTH -> sameMonth(measure, dimension, period.month() != null ? period.month()
                    : java.time.YearMonth.from(range.to().isAfter(today) ? today : range.to()));
            case YEAR_OVER_YEAR -> reports.periods().yearToDate(measure, dimension, range.to().isAfter(today) ? today : range.to()).table();
            case YEARS -> {
                int last = period.fiscalYear(cal, today);
                yield reports.periods().years(measure, dimension, last - 2, last).table();
            }
        };
    }

    /**
     * One month against the same month a year earlier, with the fiscal year to date at the end of that
     * month against the previous year to the same point: "this month vs last year, cumulative to date".
     * The month under way is compared day for day: the days so far against the same days a year ago.
     */
    private ReportTable sameMonth(Measure measure, Dimension dimension, java.time.YearMonth month) {
        ReportTable.Builder t = ReportTable.builder(measure + " " + month)
                .column("group", "Group", ReportTable.Type.TEXT)
                .column("monthValue", "Month", ReportTable.Type.DECIMAL)
                .column("sameMonthLastYear", "Same month last year", ReportTable.Type.DECIMAL)
                .column("change", "Change", ReportTable.Type.PERCENT)
                .column("cumulative", "Year to date", ReportTable.Type.DECIMAL)
                .column("previousCumulative", "Previous year to date", ReportTable.Type.DECIMAL)
                .column("cumulativeChange", "Change", ReportTable.Type.PERCENT);
        LocalDate today = today();
        if (month.equals(java.time.YearMonth.from(today))) {
            java.util.Map<String, java.math.BigDecimal> soFar = reports.periods().total(measure, dimension, DateRange.of(month.atDay(1), today));
            java.util.Map<String, java.math.BigDecimal> aYearAgo = reports.periods().total(measure, dimension,
                    DateRange.of(month.minusYears(1).atDay(1), FiscalCalendar.yearBefore(today)));
            for (PeriodReports.YearToDateRow r : reports.periods().yearToDate(measure, dimension, today).rows()) {
                java.math.BigDecimal value = soFar.getOrDefault(r.key(), java.math.BigDecimal.ZERO);
                java.math.BigDecimal before = aYearAgo.getOrDefault(r.key(), java.math.BigDecimal.ZERO);
                t.row(r.label(), value, before, change(value, before), r.current(), r.previous(), change(r.current(), r.previous()));
            }
            return t.build();
        }
        int fiscalYear = calendar().fiscalYearOf(month.atDay(1));
        for (PeriodReports.Series series : reports.periods().monthly(measure, dimension, fiscalYear).series()) {
            series.months().stream().filter(p -> p.month().equals(month)).findFirst().ifPresent(p -> t.row(series.label(),
                    p.value(), p.sameMonthLastYear(), p.change(), p.cumulative(), p.previousCumulative(),
                    change(p.cumulative(), p.previousCumulative())));
        }
        return t.build();
    }

    private static java.math.BigDecimal change(java.math.BigDecimal current, java.math.BigDecimal previous) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).divide(previous, 4, java.math.RoundingMode.HALF_UP);
    }

    /** Parses an enum request parameter, answering a 422 problem for an unknown value. */
    public static <E extends Enum<E>> E option(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "report." + field + ".unknown");
        }
    }
}
