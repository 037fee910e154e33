package dev.cartera.reporting;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.internal.Labels;
import dev.cartera.reporting.internal.MeasureQuery;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.ReportRunner;
import dev.cartera.reporting.internal.Sql;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One-screen dashboards as read models. Each shows what the caller's role lets them see: the
 * rep board is a rep's own work, the manager board their team, the director board the firm.
 */
public final class Dashboards {
    private static final List<ActivityType> CONTACTS = List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING);

    private final ReportRunner runner;

    public Dashboards(ReportRunner runner) {
        this.runner = runner;
    }

    /** Open deals: how many and their amount. */
    public record OpenDeals(long deals, BigDecimal amount) {
    }

    /** Planned tasks: overdue, due today, due in the next seven days. */
    public record TasksDue(long overdue, long dueToday, long dueNextWeek) {
    }

    public record RepDashboard(LocalDate today, List<Plans.Fulfilment> plan, OpenDeals openDeals,
            Map<ActivityType, Long> thisWeek, Map<ActivityType, Long> thisMonth, TasksDue tasks,
            List<StandardReports.PipelineRow> pipeline) {
    }

    public RepDashboard rep() {
        return runner.read("dashboard-rep", ctx -> {
            LocalDate today = ctx.calendar().dateOf(ctx.now());
            LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate monthStart = today.withDayOfMonth(1);
            List<Plans.Fulfilment> plan = Plans.fulfilment(ctx, today, Plans.Level.USER).stream()
                    .filter(f -> f.subjectId().equals(ctx.work().actor().userId())).toList();
            // Contacts and tasks stay two statements: merged, the tasks part needed the activity type and
            // read the rows instead of the (owner, status, due) index alone, slower at full size (docs/performance.md).
            List<Map<ActivityType, Long>> contacts = contacts(ctx, List.of(weekStart, monthStart),
                    List.of(weekStart.plusDays(7), monthStart.plusMonths(1)));
            StandardReports.PipelineAndTotal pipeline = StandardReports.pipelineAndTotal(ctx, null);
            return new RepDashboard(today, plan, new OpenDeals(pipeline.openDeals(), pipeline.openAmount()), contacts.get(0),
                    contacts.get(1), tasks(ctx, today), pipeline.rows());
        });
    }

    /** One rep of the team: open deals, won this month, activities done this month, overdue tasks. */
    public record RepRow(UUID userId, String name, long openDeals, BigDecimal openAmount, long wonDeals, BigDecimal wonAmount,
            long activities, long overdueTasks) {
    }

    public record ManagerDashboard(YearMonth month, List<Plans.Fulfilment> plan, List<StandardReports.SourceRow> sources,
            List<StandardReports.LostReasonRow> lostReasons, List<StandardReports.PipelineRow> pipeline, List<RepRow> reps) {
    }

    public ManagerDashboard manager() {
        return runner.read("dashboard-manager", ctx -> {
            LocalDate today = ctx.calendar().dateOf(ctx.now());
            YearMonth month = YearMonth.from(today);
            DateRange thisMonth = DateRange.month(month);
            DateRange ytd = DateRange.of(ctx.calendar().start(ctx.calendar().fiscalYearOf(today)), today);
            return new ManagerDashboard(month, Plans.fulfilment(ctx, today, null), StandardReports.sources(ctx, ytd),
                    StandardReports.lostReasons(ctx, ytd), StandardReports.pipeline(ctx, null), repRows(ctx, thisMonth, today));
        });
    }

    /** This month to date against the same days a year earlier, and year to date against the previous one. */
    public record Comparison(String key, String label, BigDecimal monthToDate, BigDecimal monthToDateLastYear,
            BigDecimal yearToDate, BigDecimal previousYearToDate) {
    }

    public record DirectorDashboard(LocalDate today, Comparison revenue, Comparison dealsWon, List<Comparison> revenueByOffice,
            List<Comparison> revenueByChannel, PeriodReports.MonthlySeries monthlyRevenue) {
    }

    public DirectorDashboard director() {
        return runner.read("dashboard-director", ctx -> {
            LocalDate today = ctx.calendar().dateOf(ctx.now());
            int fy = ctx.calendar().fiscalYearOf(today);
            // Every won deal has exactly one source (or none, its own row): the firm's figures are the channels' sum.
            List<Comparison[]> byChannel = compare(ctx, Measure.REVENUE_WON, Dimension.SOURCE, today);
            Comparison[] firm = {total(byChannel, 0), total(byChannel, 1)};
            return new DirectorDashboard(today, firm[0], firm[1],
                    compare(ctx, Measure.REVENUE_WON, Dimension.OFFICE, today).stream().map(r -> r[0]).toList(),
                    byChannel.stream().map(r -> r[0]).toList(),
                    PeriodReports.monthly(ctx, Measure.REVENUE_WON, Dimension.NONE, fy));
        });
    }

    /**
     * Month to date and year to date against the same days a year earlier, for the measure's value
     * and its record count, in one query: the buckets are [previous FY start, last year's month start),
     * [that month start, same day last year], a gap, [FY start, month start), [month start, today].
     */
    static List<Comparison[]> compare(ReportContext ctx, Measure measure, Dimension dimension, LocalDate today) {
        FiscalCalendar cal = ctx.calendar();
        LocalDate lastYear = FiscalCalendar.yearBefore(today);
        int fy = cal.fiscalYearOf(today);
        List<Instant> bounds = List.of(cal.instant(cal.start(fy - 1)), cal.instant(lastYear.withDayOfMonth(1)),
                cal.instant(lastYear.plusDays(1)), cal.instant(cal.start(fy)), cal.instant(today.withDayOfMonth(1)),
                cal.instant(today.plusDays(1)));
        Map<String, BigDecimal[][]> cells = new LinkedHashMap<>();
        if (dimension == Dimension.NONE) {
            cells.put("*", zeros());
        }
        // Bucket 2 is the gap between the same day last year and this fiscal year's start: not read at all.
        for (MeasureQuery.Cell c : MeasureQuery.run(ctx, measure, dimension, bounds, null, null, java.util.Set.of(2))) {
            BigDecimal[][] v = cells.computeIfAbsent(c.key(), k -> zeros());
            v[0][c.bucket()] = c.value(measure);
            v[1][c.bucket()] = BigDecimal.valueOf(c.count());
        }
        Map<String, String> labels = Labels.of(ctx, dimension);
        List<Comparison[]> rows = new ArrayList<>();
        cells.forEach((k, v) -> {
            String label = Labels.label(labels, dimension, k);
            rows.add(new Comparison[] {comparison(k, label, v[0]), comparison(k, label, v[1])});
        });
        rows.sort(Comparator.comparing(r -> r[0].label()));
        return rows;
    }

    private static Comparison total(List<Comparison[]> rows, int figure) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Comparison[] r : rows) {
            Comparison c = r[figure];
            sums[0] = sums[0].add(c.monthToDate());
            sums[1] = sums[1].add(c.monthToDateLastYear());
            sums[2] = sums[2].add(c.yearToDate());
            sums[3] = sums[3].add(c.previousYearToDate());
        }
        return new Comparison("*", "Total", sums[0], sums[1], sums[2], sums[3]);
    }

    private static Comparison comparison(String key, String label, BigDecimal[] b) {
        return new Comparison(key, label, b[4], b[1], b[3].add(b[4]), b[0].add(b[1]));
    }

    private static BigDecimal[][] zeros() {
        BigDecimal[][] z = new BigDecimal[2][5];
        for (BigDecimal[] row : z) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        return z;
    }

    /** Contacts done in each of several periods (their days {@code [from, to)}), counted in one query. */
    static List<Map<ActivityType, Long>> contacts(ReportContext ctx, List<LocalDate> from, List<LocalDate> toExclusive) {
        FiscalCalendar cal = ctx.calendar();
        Sql sql = new Sql().add("select a.type");
        for (int i = 0; i < from.size(); i++) {
            sql.add(", sum(case when a.completed_at >= ? and a.completed_at < ? then 1 else 0 end)", cal.instant(from.get(i)),
                    cal.instant(toExclusive.get(i)));
        }
        LocalDate first = from.stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = toExclusive.stream().max(Comparator.naturalOrder()).orElseThrow();
        sql.add(" from crm_activity a where a.tenant_id = ? and a.status = 'DONE' and a.completed_at >= ? and a.completed_at < ?",
                ctx.tenant(), cal.instant(first), cal.instant(last));
        sql.add(" and ");
        sql.in("a.type", CONTACTS.stream().map(Enum::name).toList());
        ctx.visibility(RecordType.ACTIVITY).restrict(sql, "a.owner_id");
        sql.add(" group by a.type");
        List<Map<ActivityType, Long>> counts = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            Map<ActivityType, Long> c = new EnumMap<>(ActivityType.class);
            CONTACTS.forEach(t -> c.put(t, 0L));
            counts.add(c);
        }
        ctx.query(sql, rs -> {
            ActivityType type = ActivityType.valueOf(rs.getString(1));
            for (int i = 0; i < counts.size(); i++) {
                counts.get(i).put(type, rs.getLong(i + 2));
            }
            return null;
        });
        return counts;
    }

    static TasksDue tasks(ReportContext ctx, LocalDate today) {
        Instant start = ctx.calendar().instant(today);
        Instant tomorrow = ctx.calendar().instant(today.plusDays(1));
        Instant week = ctx.calendar().instant(today.plusDays(8));
        Sql sql = new Sql().add("select coalesce(sum(case when a.due_at < ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when a.due_at >= ? and a.due_at < ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when a.due_at >= ? and a.due_at < ? then 1 else 0 end), 0)"
                + " from crm_activity a where a.tenant_id = ? and a.status = 'PLANNED' and a.due_at is not null",
                start, start, tomorrow, tomorrow, week, ctx.tenant());
        ctx.visibility(RecordType.ACTIVITY).restrict(sql, "a.owner_id");
        return ctx.query(sql, rs -> new TasksDue(rs.getLong(1), rs.getLong(2), rs.getLong(3))).get(0);
    }

    static List<RepRow> repRows(ReportContext ctx, DateRange month, LocalDate today) {
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        Map<UUID, BigDecimal[]> amounts = new LinkedHashMap<>();
        Sql deals = new Sql().add("select o.owner_id, sum(case when o.status = 'OPEN' then 1 else 0 end),"
                + " coalesce(sum(case when o.status = 'OPEN' then o.amount else 0 end), 0),"
                + " sum(case when o.status = 'WON' and o.closed_at >= ? and o.closed_at < ? then 1 else 0 end),"
                + " coalesce(sum(case when o.status = 'WON' and o.closed_at >= ? and o.closed_at < ? then o.amount else 0 end), 0)"
                + " from crm_opportunity o where o.tenant_id = ? and o.owner_id is not null",
                month.start(ctx.calendar()), month.end(ctx.calendar()), month.start(ctx.calendar()), month.end(ctx.calendar()), ctx.tenant());
        ctx.visibility(RecordType.OPPORTUNITY).restrict(deals, "o.owner_id");
        deals.add(" group by o.owner_id");
        ctx.query(deals, rs -> {
            UUID owner = Sql.Rows.uuid(rs, 1);
            long[] c = counts.computeIfAbsent(owner, k -> new long[4]);
            c[0] = rs.getLong(2);
            c[1] = rs.getLong(4);
            amounts.put(owner, new BigDecimal[] {Sql.Rows.decimal(rs, 3), Sql.Rows.decimal(rs, 5)});
            return null;
        });
        // Per person with any activity: two counts each read from an (owner, status, time) index, instead of
        // every activity the team ever had (a quarter of a million rows for a team at full size).
        Sql acts = new Sql().add("select u.id,"
                + " (select count(*) from crm_activity a where a.tenant_id = u.tenant_id and a.owner_id = u.id and a.status = 'DONE'"
                + " and a.completed_at >= ? and a.completed_at < ?),"
                + " (select count(*) from crm_activity a where a.tenant_id = u.tenant_id and a.owner_id = u.id and a.status = 'PLANNED'"
                + " and a.due_at < ?)"
                + " from crm_user u where u.tenant_id = ?"
                + " and exists (select 1 from crm_activity a where a.tenant_id = u.tenant_id and a.owner_id = u.id)",
                month.start(ctx.calendar()), month.end(ctx.calendar()), ctx.calendar().instant(today), ctx.tenant());
        ctx.visibility(RecordType.ACTIVITY).restrict(acts, "u.id");
        ctx.query(acts, rs -> {
            long[] c = counts.computeIfAbsent(Sql.Rows.uuid(rs, 1), k -> new long[4]);
            c[2] = rs.getLong(2);
            c[3] = rs.getLong(3);
            return null;
        });
        Map<String, String> names = Labels.of(ctx, Dimension.USER);
        List<RepRow> rows = new ArrayList<>();
        counts.forEach((owner, c) -> {
            BigDecimal[] a = amounts.getOrDefault(owner, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            rows.add(new RepRow(owner, names.getOrDefault(owner.toString(), owner.toString()), c[0], a[0], c[1], a[1], c[2], c[3]));
        });
        rows.sort(Comparator.comparing(RepRow::name));
        return rows;
    }
}
