package dev.cartera.reporting;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.internal.Labels;
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
            return new RepDashboard(today, plan, openDeals(ctx),
                    contacts(ctx, weekStart, weekStart.plusDays(7)), contacts(ctx, monthStart, monthStart.plusMonths(1)),
                    tasks(ctx, today), StandardReports.pipeline(ctx, null));
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
            return new DirectorDashboard(today,
                    compare(ctx, Measure.REVENUE_WON, Dimension.NONE, today).get(0),
                    compare(ctx, Measure.DEALS_WON, Dimension.NONE, today).get(0),
                    compare(ctx, Measure.REVENUE_WON, Dimension.OFFICE, today),
                    compare(ctx, Measure.REVENUE_WON, Dimension.SOURCE, today),
                    PeriodReports.monthly(ctx, Measure.REVENUE_WON, Dimension.NONE, fy));
        });
    }

    static List<Comparison> compare(ReportContext ctx, Measure measure, Dimension dimension, LocalDate today) {
        LocalDate lastYear = FiscalCalendar.yearBefore(today);
        Map<String, BigDecimal[]> month = PeriodReports.twoRanges(ctx, measure, dimension,
                DateRange.of(lastYear.withDayOfMonth(1), lastYear), DateRange.of(today.withDayOfMonth(1), today));
        PeriodReports.YearToDate ytd = PeriodReports.yearToDate(ctx, measure, dimension, today);
        Map<String, Comparison> out = new LinkedHashMap<>();
        Map<String, String> labels = Labels.of(ctx, dimension);
        month.forEach((k, v) -> out.put(k, new Comparison(k, Labels.label(labels, dimension, k), v[1], v[0], BigDecimal.ZERO, BigDecimal.ZERO)));
        for (PeriodReports.YearToDateRow r : ytd.rows()) {
            Comparison c = out.get(r.key());
            out.put(r.key(), new Comparison(r.key(), r.label(), c == null ? BigDecimal.ZERO : c.monthToDate(),
                    c == null ? BigDecimal.ZERO : c.monthToDateLastYear(), r.current(), r.previous()));
        }
        List<Comparison> rows = new ArrayList<>(out.values());
        rows.sort(Comparator.comparing(Comparison::label));
        return rows;
    }

    static OpenDeals openDeals(ReportContext ctx) {
        Sql sql = new Sql().add("select count(*), coalesce(sum(o.amount), 0) from crm_opportunity o where o.tenant_id = ? and o.status = 'OPEN'",
                ctx.tenant());
        ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
        return ctx.query(sql, rs -> new OpenDeals(rs.getLong(1), Sql.Rows.decimal(rs, 2))).get(0);
    }

    static Map<ActivityType, Long> contacts(ReportContext ctx, LocalDate from, LocalDate toExclusive) {
        Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
        CONTACTS.forEach(t -> counts.put(t, 0L));
        Sql sql = new Sql().add("select a.type, count(*) from crm_activity a where a.tenant_id = ? and a.status = 'DONE'"
                + " and a.completed_at >= ? and a.completed_at < ?", ctx.tenant(), ctx.calendar().instant(from),
                ctx.calendar().instant(toExclusive));
        sql.add(" and ");
        sql.in("a.type", CONTACTS.stream().map(Enum::name).toList());
        ctx.visibility(RecordType.ACTIVITY).restrict(sql, "a.owner_id");
        sql.add(" group by a.type");
        ctx.query(sql, rs -> counts.put(ActivityType.valueOf(rs.getString(1)), rs.getLong(2)));
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
        Sql acts = new Sql().add("select a.owner_id, sum(case when a.status = 'DONE' and a.completed_at >= ? and a.completed_at < ? then 1 else 0 end),"
                + " sum(case when a.status = 'PLANNED' and a.due_at < ? then 1 else 0 end)"
                + " from crm_activity a where a.tenant_id = ? and a.owner_id is not null",
                month.start(ctx.calendar()), month.end(ctx.calendar()), ctx.calendar().instant(today), ctx.tenant());
        ctx.visibility(RecordType.ACTIVITY).restrict(acts, "a.owner_id");
        acts.add(" group by a.owner_id");
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
