package dev.cartera.reporting;

import static dev.cartera.reporting.Oracle.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.reporting.Oracle.Viewer;
import dev.cartera.reporting.custom.CustomReportResult;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportSubject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The jqwik oracle: on generated deals, activities and leads, every report equals a straightforward
 * computation in Java over the same data, for a rep, a manager and a director. The same data is
 * written to a second tenant too, so any figure leaking across tenants would double and fail.
 * Subclasses choose the database and the number of tries.
 */
abstract class ReportOracleContract {
    private static final Map<Class<?>, ReportEnv> ENVS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ReportEnv.Tenant[]> TENANTS = new ConcurrentHashMap<>();
    private static final List<Measure> MEASURES = List.of(Measure.REVENUE_WON, Measure.DEALS_WON, Measure.DEALS_LOST,
            Measure.DEALS_CREATED, Measure.PIPELINE_CREATED, Measure.LEADS_CREATED, Measure.LEADS_CONVERTED,
            Measure.ACTIVITIES_DONE, Measure.CALLS, Measure.MEETINGS);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    protected abstract DataSource dataSource();

    private ReportEnv env() {
        return ENVS.computeIfAbsent(getClass(), k -> {
            ReportEnv env = new ReportEnv(dataSource());
            env.fx.clock.set(Dataset.NOW);
            return env;
        });
    }

    private ReportEnv.Tenant load(Dataset data) {
        ReportEnv env = env();
        ReportEnv.Tenant[] tenants = TENANTS.computeIfAbsent(getClass(), k -> new ReportEnv.Tenant[] {env.tenant("o"), env.tenant("noise")});
        for (ReportEnv.Tenant tenant : tenants) {
            env.clear(tenant);
            env.write(tenant, data);
        }
        return tenants[0];
    }

    private <T> T as(ReportEnv.Tenant t, Viewer viewer, Supplier<T> work) {
        return env().fx.session.call(t.id(), viewer.username, work);
    }

    private CarteraReports reports(Month fiscalStart) {
        return CarteraReports.create(env().fx.cartera, ReportSettings.defaults().withFiscalYearStart(fiscalStart));
    }

    @Provide
    Arbitrary<Dataset> data() {
        return Dataset.datasets();
    }

    @Provide
    Arbitrary<Measure> measures() {
        return Arbitraries.of(MEASURES);
    }

    @Provide
    Arbitrary<DateRange> ranges() {
        return Arbitraries.of(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30)), DateRange.year(2025),
                DateRange.month(YearMonth.of(2024, 2)), DateRange.of(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 3, 31)),
                // Two partial months side by side: no whole month, two buckets read in one stretch of deals.
                DateRange.of(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 20)));
    }

    @Property
    void monthlyCumulativeAndYearOverYearMatchJava(@ForAll("data") Dataset data, @ForAll("measures") Measure measure,
            @ForAll Viewer viewer, @ForAll Month fiscalStart, @ForAll @IntRange(min = 2024, max = 2025) int fiscalYear,
            @ForAll @IntRange(min = 0, max = 364) int asOfDay) {
        ReportEnv.Tenant t = load(data);
        Oracle oracle = new Oracle(data, viewer, MADRID);
        CarteraReports reports = reports(fiscalStart);
        FiscalCalendar cal = new FiscalCalendar(fiscalStart, MADRID);

        PeriodReports.MonthlySeries series = as(t, viewer, () -> reports.periods().monthly(measure, Dimension.NONE, fiscalYear));
        assertThat(series.series()).hasSize(1);
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        List<PeriodReports.MonthPoint> points = series.series().get(0).months();
        assertThat(points).extracting(PeriodReports.MonthPoint::month).containsExactlyElementsOf(cal.months(fiscalYear));
        for (PeriodReports.MonthPoint p : points) {
            BigDecimal value = oracle.month(measure, p.month());
            BigDecimal lastYear = oracle.month(measure, p.month().minusYears(1));
            cumulative = cumulative.add(value);
            previous = previous.add(lastYear);
            assertThat(List.of(n(p.value()), n(p.cumulative()), n(p.sameMonthLastYear()), n(p.previousCumulative())))
                    .as("%s %s", measure, p.month())
                    .containsExactly(n(value), n(cumulative), n(lastYear), n(previous));
        }

        LocalDate asOf = cal.start(fiscalYear).plusDays(asOfDay);
        PeriodReports.YearToDate ytd = as(t, viewer, () -> reports.periods().yearToDate(measure, Dimension.NONE, asOf));
        assertThat(ytd.rows()).hasSize(1);
        assertThat(n(ytd.rows().get(0).current())).as("YTD to %s", asOf)
                .isEqualTo(n(oracle.measure(measure, DateRange.of(cal.start(fiscalYear), asOf), null)));
        assertThat(n(ytd.rows().get(0).previous())).as("previous YTD to %s", asOf.minusYears(1))
                .isEqualTo(n(oracle.measure(measure, DateRange.of(cal.start(fiscalYear - 1), asOf.minusYears(1)), null)));

        PeriodReports.YearsSideBySide years = as(t, viewer, () -> reports.periods().years(measure, Dimension.NONE, 2023, 2026));
        for (int i = 0; i < years.years().size(); i++) {
            int fy = years.years().get(i);
            assertThat(n(years.rows().get(0).values().get(i))).as("FY %s", fy)
                    .isEqualTo(n(oracle.measure(measure, DateRange.of(cal.start(fy), cal.end(fy).minusDays(1)), null)));
        }
    }

    @Property
    void theDirectorBoardsComparisonsMatchJava(@ForAll("data") Dataset data, @ForAll Viewer viewer, @ForAll Month fiscalStart) {
        ReportEnv.Tenant t = load(data);
        Oracle oracle = new Oracle(data, viewer, MADRID);
        FiscalCalendar cal = new FiscalCalendar(fiscalStart, MADRID);
        LocalDate today = Dataset.NOW.atZone(MADRID).toLocalDate();
        LocalDate lastYear = today.minusYears(1);
        int fy = cal.fiscalYearOf(today);
        Dashboards.DirectorDashboard board = as(t, viewer, () -> reports(fiscalStart).dashboards().director());

        assertThat(List.of(n(board.revenue().monthToDate()), n(board.revenue().monthToDateLastYear()), n(board.revenue().yearToDate()),
                n(board.revenue().previousYearToDate()), n(board.dealsWon().yearToDate())))
                .containsExactly(
                        n(oracle.measure(Measure.REVENUE_WON, DateRange.of(today.withDayOfMonth(1), today), null)),
                        n(oracle.measure(Measure.REVENUE_WON, DateRange.of(lastYear.withDayOfMonth(1), lastYear), null)),
                        n(oracle.measure(Measure.REVENUE_WON, DateRange.of(cal.start(fy), today), null)),
                        n(oracle.measure(Measure.REVENUE_WON, DateRange.of(cal.start(fy - 1), lastYear), null)),
                        n(oracle.measure(Measure.DEALS_WON, DateRange.of(cal.start(fy), today), null)));
        BigDecimal byChannel = board.revenueByChannel().stream().map(Dashboards.Comparison::previousYearToDate)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(n(byChannel)).isEqualTo(n(board.revenue().previousYearToDate()));
    }

    @Property
    void everyDimensionPartitionsTheTotal(@ForAll("data") Dataset data, @ForAll("measures") Measure measure, @ForAll Viewer viewer,
            @ForAll("ranges") DateRange range, @ForAll Dimension dimension) {
        net.jqwik.api.Assume.that(measure.dimensions().contains(dimension));
        ReportEnv.Tenant t = load(data);
        Oracle oracle = new Oracle(data, viewer, MADRID);
        CarteraReports reports = reports(Month.JANUARY);
        Map<String, BigDecimal> parts = as(t, viewer, () -> reports.periods().total(measure, dimension, range));
        assertThat(n(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
                .isEqualTo(n(oracle.measure(measure, range, null)));
        if (dimension == Dimension.USER) {
            for (int slot = 0; slot < Dataset.OWNERS; slot++) {
                UUID owner = t.owner(slot);
                BigDecimal expected = viewer.sees(slot) ? oracle.measure(measure, range, slot) : BigDecimal.ZERO;
                assertThat(n(parts.getOrDefault(owner == null ? null : owner.toString(), BigDecimal.ZERO))).isEqualTo(n(expected));
            }
        }
    }

    @Property
    void standardReportsMatchJava(@ForAll("data") Dataset data, @ForAll Viewer viewer, @ForAll("ranges") DateRange range) {
        ReportEnv.Tenant t = load(data);
        Oracle oracle = new Oracle(data, viewer, MADRID);
        StandardReports reports = reports(Month.JANUARY).standard();
        Map<Integer, Integer> probability = new HashMap<>();
        Map<Integer, Integer> limits = new HashMap<>();
        for (StageView s : t.stages()) {
            probability.put(s.position(), s.probability());
            limits.put(s.position(), s.timeLimitDays());
        }

        Map<Integer, String> pipeline = new HashMap<>();
        as(t, viewer, reports::pipeline).forEach(r -> pipeline.put(r.position(), r.deals() + " " + n(r.amount()) + " " + n(r.weighted())));
        Map<Integer, String> expectedPipeline = new HashMap<>();
        oracle.pipeline(probability).forEach((p, f) -> expectedPipeline.put(p, f.deals() + " " + n(f.amount()) + " " + n(f.weighted())));
        assertThat(pipeline).as("pipeline").isEqualTo(expectedPipeline);

        Map<String, String> winRate = new HashMap<>();
        as(t, viewer, () -> reports.winRate(range, Dimension.USER)).forEach(r -> winRate.put(String.valueOf(r.key()),
                r.won() + " " + r.lost() + " " + n(r.wonAmount()) + " " + n(r.averageCycleDays())));
        Map<String, String> expectedWinRate = new HashMap<>();
        oracle.winRate(range, true).forEach((slot, f) -> expectedWinRate.put(String.valueOf(t.owner(slot)),
                f.won() + " " + f.lost() + " " + n(f.wonAmount()) + " " + n(f.cycleDays())));
        assertThat(winRate).as("win rate by user").isEqualTo(expectedWinRate);

        Map<Integer, Long> funnel = new HashMap<>();
        as(t, viewer, () -> reports.funnel(range, null)).forEach(s -> funnel.put(s.position(), s.reached()));
        assertThat(funnel).as("funnel").isEqualTo(oracle.funnel(range));

        Map<Integer, String> durations = new HashMap<>();
        as(t, viewer, () -> reports.stageDurations(range)).forEach(r -> durations.put(r.position(),
                r.visits() + " " + n(r.averageDays()) + " " + r.overLimit() + " " + r.stuck()));
        Map<Integer, String> expectedDurations = new HashMap<>();
        oracle.stageDurations(range, limits, Dataset.NOW).forEach((p, f) -> expectedDurations.put(p, f.visits() + " "
                + n(f.visits() == 0 ? null : f.seconds().divide(BigDecimal.valueOf(86_400L * f.visits()), 2, RoundingMode.HALF_UP))
                + " " + f.overLimit() + " " + f.stuck()));
        assertThat(durations).as("stage durations").isEqualTo(expectedDurations);

        Map<String, String> interactions = new HashMap<>();
        as(t, viewer, () -> reports.interactionEffectiveness(range)).forEach(r -> {
            StringBuilder s = new StringBuilder().append(r.wonDeals());
            for (ActivityType type : ActivityType.values()) {
                s.append(' ').append(r.activities().get(type));
            }
            interactions.put(String.valueOf(r.key()), s.toString());
        });
        Map<String, String> expectedInteractions = new HashMap<>();
        oracle.interactions(range).forEach((slot, c) -> {
            StringBuilder s = new StringBuilder().append(c[0]);
            for (int i = 1; i < c.length; i++) {
                s.append(' ').append(c[i]);
            }
            expectedInteractions.put(String.valueOf(t.owner(slot)), s.toString());
        });
        assertThat(interactions).as("interaction effectiveness").isEqualTo(expectedInteractions);

        Map<String, String> sources = new HashMap<>();
        as(t, viewer, () -> reports.sources(range)).forEach(r -> sources.put(String.valueOf(r.source()),
                r.leads() + " " + r.converted() + " " + r.wonDeals() + " " + n(r.revenue())));
        Map<String, String> expectedSources = new HashMap<>();
        oracle.sources(range).forEach((s, f) -> expectedSources.put(s, f.leads() + " " + f.converted() + " " + f.won() + " " + n(f.revenue())));
        assertThat(sources).as("sources").isEqualTo(expectedSources);

        Map<String, String> segments = new HashMap<>();
        as(t, viewer, () -> reports.abcXyz(range)).forEach(r -> segments.put(r.accountId().toString(),
                n(r.revenue()) + " " + r.abc() + r.xyz()));
        // Largest revenue first (ties by id); an account's ABC class is that of the share reached before it
        // (A below 80 %, B below 95 %); XYZ from the population coefficient of variation of its months.
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, String> regularity = new HashMap<>();
        oracle.accountMonths(range).forEach((account, months) -> {
            BigDecimal total = ReportEnv.sum(List.of(months));
            if (total.signum() > 0) {
                String id = t.accounts().get(account).toString();
                totals.put(id, total);
                // cv² = Σ(n·m − total)² / (n·total²), compared exactly with 0.10² and 0.25² (a variation within a
                // billionth above a boundary counts as on it).
                BigDecimal n = BigDecimal.valueOf(months.length);
                BigDecimal deviations = BigDecimal.ZERO;
                for (BigDecimal m : months) {
                    BigDecimal d = n.multiply(m).subtract(total);
                    deviations = deviations.add(d.multiply(d));
                }
                BigDecimal scale = n.multiply(total).multiply(total);
                BigDecimal tolerance = BigDecimal.ONE.add(new BigDecimal("1e-9")).pow(2);
                regularity.put(id, deviations.compareTo(new BigDecimal("0.01").multiply(tolerance).multiply(scale)) <= 0 ? "X"
                        : deviations.compareTo(new BigDecimal("0.0625").multiply(tolerance).multiply(scale)) <= 0 ? "Y" : "Z");
            }
        });
        BigDecimal grand = ReportEnv.sum(List.copyOf(totals.values()));
        BigDecimal before = BigDecimal.ZERO;
        Map<String, String> expectedSegments = new HashMap<>();
        for (String id : totals.keySet().stream().sorted(java.util.Comparator.comparing((String id) -> totals.get(id)).reversed()
                .thenComparing(id -> id)).toList()) {
            BigDecimal share = before.divide(grand, java.math.MathContext.DECIMAL128);
            String abc = share.compareTo(new BigDecimal("0.80")) < 0 ? "A" : share.compareTo(new BigDecimal("0.95")) < 0 ? "B" : "C";
            expectedSegments.put(id, n(totals.get(id)) + " " + abc + regularity.get(id));
            before = before.add(totals.get(id));
        }
        assertThat(segments).as("ABC/XYZ").isEqualTo(expectedSegments);
    }

    @Property
    void aRepsReportEqualsTheDirectorsReportFilteredToThatRep(@ForAll("data") Dataset data, @ForAll("measures") Measure measure,
            @ForAll("ranges") DateRange range) {
        ReportEnv.Tenant t = load(data);
        CarteraReports reports = reports(Month.JANUARY);
        String rep = t.org().rep().toString();

        PeriodReports.MonthlySeries own = as(t, Viewer.REP, () -> reports.periods().monthly(measure, Dimension.NONE, 2025));
        PeriodReports.MonthlySeries all = as(t, Viewer.DIRECTOR, () -> reports.periods().monthly(measure, Dimension.USER, 2025));
        List<String> expected = all.series().stream().filter(s -> rep.equals(s.key())).findFirst()
                .map(s -> s.months().stream().map(p -> n(p.value()) + "/" + n(p.sameMonthLastYear())).toList())
                .orElse(List.of("0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0"));
        assertThat(own.series().get(0).months().stream().map(p -> n(p.value()) + "/" + n(p.sameMonthLastYear())).toList())
                .isEqualTo(expected);

        List<StandardReports.WinRateRow> repRate = as(t, Viewer.REP, () -> reports.standard().winRate(range, Dimension.NONE));
        List<StandardReports.WinRateRow> directorRate = as(t, Viewer.DIRECTOR, () -> reports.standard().winRate(range, Dimension.USER));
        assertThat(repRate.stream().map(r -> r.won() + " " + r.lost() + " " + n(r.wonAmount())).toList())
                .isEqualTo(directorRate.stream().filter(r -> rep.equals(r.key())).map(r -> r.won() + " " + r.lost() + " " + n(r.wonAmount())).toList());

        ReportDefinition byOwner = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("owner", "status"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount")), List.of());
        List<List<Object>> repRows = as(t, Viewer.REP, () -> reports.custom().run(byOwner)).table().rows().stream()
                .map(ReportTable.Row::cells).toList();
        List<List<Object>> directorRows = as(t, Viewer.DIRECTOR, () -> reports.custom().run(byOwner)).table().rows().stream()
                .map(ReportTable.Row::cells).filter(c -> "Rep".equals(c.get(0))).toList();
        assertThat(repRows).isEqualTo(directorRows);
    }

    @Property
    void customReportsMatchJava(@ForAll("data") Dataset data, @ForAll Viewer viewer,
            @ForAll @IntRange(min = 0, max = 90_000) int minAmount) {
        ReportEnv.Tenant t = load(data);
        Oracle oracle = new Oracle(data, viewer, MADRID);
        CarteraReports reports = reports(Month.JANUARY);
        ReportDefinition grouped = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("status"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount"), MeasureSpec.of(Aggregate.MAX, "amount")),
                List.of(Filter.of("amount", Operator.GE, String.valueOf(minAmount))));
        Map<String, String> actual = new HashMap<>();
        as(t, viewer, () -> reports.custom().run(grouped)).table().rows()
                .forEach(r -> actual.put((String) r.cell(0), r.cell(1) + " " + n((BigDecimal) r.cell(2)) + " " + n((BigDecimal) r.cell(3))));
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (Dataset.Deal d : data.deals()) {
            if (oracle.visible.test(d.owner()) && d.amount().compareTo(BigDecimal.valueOf(minAmount)) >= 0) {
                counts.computeIfAbsent(d.outcome().name(), k -> new long[1])[0]++;
                BigDecimal[] s = sums.computeIfAbsent(d.outcome().name(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(d.amount());
                s[1] = s[1].max(d.amount());
            }
        }
        Map<String, String> expected = new HashMap<>();
        counts.forEach((k, c) -> expected.put(k, c[0] + " " + n(sums.get(k)[0]) + " " + n(sums.get(k)[1])));
        assertThat(actual).isEqualTo(expected);

        ReportDefinition list = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name", "amount", "owner"),
                List.of(Filter.of("amount", Operator.GE, String.valueOf(minAmount))));
        CustomReportResult rows = as(t, viewer, () -> reports.custom().run(list));
        assertThat(rows.recordIds()).hasSize(counts.values().stream().mapToInt(c -> (int) c[0]).sum());
        assertThat(rows.table().rows()).allSatisfy(r -> assertThat(((BigDecimal) r.cell(1)).compareTo(BigDecimal.valueOf(minAmount))).isGreaterThanOrEqualTo(0));
        List<UUID> inTenant = new java.util.ArrayList<>();
        env().fx.session.call(t.id(), "director", () -> {
            for (UUID id : rows.recordIds()) {
                inTenant.add(env().fx.cartera.opportunities().get(id).id());
            }
            return null;
        });
        assertThat(inTenant).containsExactlyElementsOf(rows.recordIds()).allMatch(Objects::nonNull);
    }

    @Property
    void sharedDefinitionsAndExportsNeverLeaveTheRunnersScopeOrTenant(@ForAll("data") Dataset data, @ForAll Viewer viewer,
            @ForAll ReportSubject subject) {
        ReportEnv.Tenant t = load(data);
        CarteraReports reports = reports(Month.JANUARY);
        List<String> columns = subject == ReportSubject.ACCOUNTS ? List.of("name", "owner") : List.of("owner", "createdAt");
        dev.cartera.reporting.custom.SavedReport shared = as(t, Viewer.DIRECTOR,
                () -> reports.custom().save("Compartido", ReportDefinition.list(subject, columns, List.of()), true));
        CustomReportResult result = as(t, viewer, () -> reports.custom().runSaved(shared.id()));
        String table = switch (subject) {
            case LEADS -> "crm_lead";
            case OPPORTUNITIES -> "crm_opportunity";
            case ACTIVITIES -> "crm_activity";
            case ACCOUNTS -> "crm_account";
        };
        java.util.Set<UUID> visibleOwners = new java.util.HashSet<>();
        boolean unassigned = false;
        for (int slot = 0; slot < Dataset.OWNERS; slot++) {
            if (viewer.sees(slot)) {
                if (t.owner(slot) == null) {
                    unassigned = true;
                } else {
                    visibleOwners.add(t.owner(slot));
                }
            }
        }
        long expected = 0;
        try (java.sql.Connection c = env().dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("select id, owner_id from " + table + " where tenant_id = ?")) {
            s.setString(1, t.id());
            java.util.Map<UUID, UUID> owners = new HashMap<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
            for (UUID owner : owners.values()) {
                if (owner == null ? unassigned : visibleOwners.contains(owner)) {
                    expected++;
                }
            }
            for (UUID id : result.recordIds()) {
                assertThat(owners).as("record of this tenant").containsKey(id);
                UUID owner = owners.get(id);
                assertThat(owner == null ? unassigned : visibleOwners.contains(owner)).as("owner in scope").isTrue();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(result.recordIds()).hasSize((int) expected);
        if (viewer != Viewer.REP) {
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            as(t, viewer, () -> {
                reports.custom().export(shared.id(), dev.cartera.reporting.export.ExportFormat.CSV, csv);
                return null;
            });
            assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count()).isEqualTo(expected + 1);
        }
    }
}
