package dev.cartera.spring.ui;

import dev.cartera.core.access.Role;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.team.UserService;
import dev.cartera.core.team.UserView;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.Dashboards;
import dev.cartera.reporting.PeriodReports;
import dev.cartera.reporting.Plans;
import dev.cartera.reporting.StandardReports;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page: the one-screen dashboard of the user's profile (X-3, KD-5). A rep sees their own
 * work, a manager their team, a director the firm and its offices against last year. Wider profiles
 * can open the narrower boards too; each board is aggregated at the level the user's role allows.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}")
class DashboardController implements CarteraUiController {
    private static final List<ActivityType> CONTACTS = List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING);

    private final UserService users;
    private final CarteraReports reports;
    private final ReportText text;

    DashboardController(UserService users, CarteraReports reports, CarteraMessages messages, CarteraUiFormat format) {
        this.users = users;
        this.reports = reports;
        this.text = new ReportText(messages, format);
    }

    static List<String> profilesOf(Role role) {
        return switch (role) {
            case SALES_REP -> List.of("rep");
            case MANAGER -> List.of("manager", "rep");
            case DIRECTOR, ADMIN -> List.of("director", "manager", "rep");
        };
    }

    @GetMapping({"", "/"})
    String dashboard(@RequestParam(required = false) String view, Model model) {
        UserView me = users.me();
        List<String> profiles = profilesOf(me.role());
        String profile = view != null && profiles.contains(view) ? view : profiles.get(0);
        List<Figure.Kpi> kpis = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        switch (profile) {
            case "rep" -> rep(reports.dashboards().rep(), kpis, figures);
            case "manager" -> manager(reports.dashboards().manager(), kpis, figures);
            default -> director(reports.dashboards().director(), kpis, figures);
        }
        model.addAttribute("section", "dashboard");
        model.addAttribute("me", me);
        model.addAttribute("profile", profile);
        model.addAttribute("profiles", profiles);
        model.addAttribute("kpis", kpis);
        model.addAttribute("figures", figures);
        return "cartera/dashboard";
    }

    private void rep(Dashboards.RepDashboard board, List<Figure.Kpi> kpis, List<Figure> figures) {
        kpis.add(new Figure.Kpi("open-deals", text.msg("cartera.board.openDeals"), text.number(board.openDeals().deals()),
                text.money(board.openDeals().amount()), false));
        for (ActivityType type : CONTACTS) {
            kpis.add(new Figure.Kpi("contacts-" + type.name().toLowerCase(), text.label("cartera.activity.type.", type),
                    text.number(board.thisMonth().getOrDefault(type, 0L)),
                    text.msg("cartera.board.weekMonth", text.number(board.thisWeek().getOrDefault(type, 0L))), false));
        }
        Dashboards.TasksDue tasks = board.tasks();
        kpis.add(new Figure.Kpi("tasks", text.msg("cartera.board.tasksDue"), text.number(tasks.dueToday() + tasks.dueNextWeek()),
                text.msg("cartera.board.tasksOverdue", tasks.overdue()), tasks.overdue() > 0));
        figures.add(plan("plan", text.msg("cartera.board.myPlan"), board.plan()));
        List<String> labels = CONTACTS.stream().map(t -> text.label("cartera.activity.type.", t)).toList();
        List<BigDecimal> week = CONTACTS.stream().map(t -> BigDecimal.valueOf(board.thisWeek().getOrDefault(t, 0L))).toList();
        List<BigDecimal> month = CONTACTS.stream().map(t -> BigDecimal.valueOf(board.thisMonth().getOrDefault(t, 0L))).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < CONTACTS.size(); i++) {
            rows.add(List.of(labels.get(i), text.number(week.get(i)), text.number(month.get(i))));
        }
        figures.add(new Figure("contacts", text.msg("cartera.board.contacts"),
                new Figure.Chart("bar", "number", null, false, labels, List.of(
                        new Figure.Series(text.msg("cartera.board.thisWeek"), week),
                        new Figure.Series(text.msg("cartera.board.thisMonth"), month))),
                List.of(text.msg("cartera.board.activity"), text.msg("cartera.board.thisWeek"), text.msg("cartera.board.thisMonth")), rows));
        figures.add(pipeline(board.pipeline()));
    }

    private void manager(Dashboards.ManagerDashboard board, List<Figure.Kpi> kpis, List<Figure> figures) {
        long open = board.pipeline().stream().mapToLong(StandardReports.PipelineRow::deals).sum();
        BigDecimal amount = board.pipeline().stream().map(StandardReports.PipelineRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long won = board.reps().stream().mapToLong(Dashboards.RepRow::wonDeals).sum();
        BigDecimal wonAmount = board.reps().stream().map(Dashboards.RepRow::wonAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        kpis.add(new Figure.Kpi("open-deals", text.msg("cartera.board.openDeals"), text.number(open), text.money(amount), false));
        kpis.add(new Figure.Kpi("won-month", text.msg("cartera.board.wonThisMonth"), text.number(won), text.money(wonAmount), false));
        long leads = board.sources().stream().mapToLong(StandardReports.SourceRow::leads).sum();
        long converted = board.sources().stream().mapToLong(StandardReports.SourceRow::converted).sum();
        kpis.add(new Figure.Kpi("conversion", text.msg("cartera.board.conversion"),
                text.percent(leads == 0 ? null : BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(leads), 4, java.math.RoundingMode.HALF_UP)),
                text.msg("cartera.board.leadsConverted", text.number(converted), text.number(leads)), false));

        figures.add(plan("plan", text.msg("cartera.board.teamPlan"), board.plan()));
        List<String> sources = board.sources().stream().map(s -> text.label("cartera.source.", s.source())).toList();
        List<List<String>> sourceRows = new ArrayList<>();
        for (int i = 0; i < board.sources().size(); i++) {
            StandardReports.SourceRow s = board.sources().get(i);
            sourceRows.add(List.of(sources.get(i), text.number(s.leads()), text.number(s.converted()), text.percent(s.conversionRate()),
                    text.number(s.wonDeals()), text.money(s.revenue())));
        }
        figures.add(new Figure("sources-conversion", text.msg("cartera.board.conversionBySource"),
                new Figure.Chart("bar", "percent", null, true, sources, List.of(new Figure.Series(text.msg("cartera.board.conversion"),
                        board.sources().stream().map(s -> s.conversionRate() == null ? BigDecimal.ZERO : s.conversionRate()).toList()))),
                List.of(text.msg("cartera.reports.column.source"), text.msg("cartera.reports.column.leads"),
                        text.msg("cartera.reports.column.converted"), text.msg("cartera.reports.column.conversionRate"),
                        text.msg("cartera.reports.column.wonDeals"), text.msg("cartera.reports.column.revenue")), sourceRows));
        figures.add(new Figure("sources-revenue", text.msg("cartera.board.revenueBySource"),
                new Figure.Chart("bar", "money", ReportText.CURRENCY, true, sources, List.of(new Figure.Series(
                        text.msg("cartera.reports.column.revenue"), board.sources().stream().map(StandardReports.SourceRow::revenue).toList()))),
                List.of(text.msg("cartera.reports.column.source"), text.msg("cartera.reports.column.revenue")),
                board.sources().stream().map(s -> List.of(text.label("cartera.source.", s.source()), text.money(s.revenue()))).toList()));
        List<String> reasons = board.lostReasons().stream().map(StandardReports.LostReasonRow::reason).toList();
        List<List<String>> lostRows = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            StandardReports.LostReasonRow r = board.lostReasons().get(i);
            lostRows.add(List.of(reasons.get(i), text.number(r.deals()), text.money(r.amount())));
        }
        figures.add(new Figure("lost-reasons", text.msg("cartera.board.lostReasons"),
                new Figure.Chart("doughnut", "number", null, false, reasons, List.of(new Figure.Series(text.msg("cartera.reports.column.deals"),
                        board.lostReasons().stream().map(r -> BigDecimal.valueOf(r.deals())).toList()))),
                List.of(text.msg("cartera.reports.column.reason"), text.msg("cartera.reports.column.deals"), text.msg("cartera.reports.column.amount")),
                lostRows));
        figures.add(pipeline(board.pipeline()));
        List<List<String>> repRows = board.reps().stream().map(r -> List.of(r.name(), text.number(r.openDeals()), text.money(r.openAmount()),
                text.number(r.wonDeals()), text.money(r.wonAmount()), text.number(r.activities()), text.number(r.overdueTasks()))).toList();
        figures.add(new Figure("reps", text.msg("cartera.board.reps"),
                new Figure.Chart("bar", "money", ReportText.CURRENCY, true, board.reps().stream().map(Dashboards.RepRow::name).toList(),
                        List.of(new Figure.Series(text.msg("cartera.board.openAmount"), board.reps().stream().map(Dashboards.RepRow::openAmount).toList()),
                                new Figure.Series(text.msg("cartera.board.wonAmount"), board.reps().stream().map(Dashboards.RepRow::wonAmount).toList()))),
                List.of(text.msg("cartera.reports.column.rep"), text.msg("cartera.board.openDeals"), text.msg("cartera.board.openAmount"),
                        text.msg("cartera.board.wonThisMonth"), text.msg("cartera.board.wonAmount"), text.msg("cartera.board.activitiesMonth"),
                        text.msg("cartera.board.overdue")), repRows));
    }

    private void director(Dashboards.DirectorDashboard board, List<Figure.Kpi> kpis, List<Figure> figures) {
        Dashboards.Comparison revenue = board.revenue();
        kpis.add(new Figure.Kpi("revenue-month", text.msg("cartera.board.revenueMonth"), text.money(revenue.monthToDate()),
                text.msg("cartera.board.vsLastYear", text.money(revenue.monthToDateLastYear()),
                        text.change(revenue.monthToDate(), revenue.monthToDateLastYear())), false));
        kpis.add(new Figure.Kpi("revenue-ytd", text.msg("cartera.board.revenueYtd"), text.money(revenue.yearToDate()),
                text.msg("cartera.board.vsLastYear", text.money(revenue.previousYearToDate()),
                        text.change(revenue.yearToDate(), revenue.previousYearToDate())), false));
        Dashboards.Comparison deals = board.dealsWon();
        kpis.add(new Figure.Kpi("deals-month", text.msg("cartera.board.dealsMonth"), text.number(deals.monthToDate()),
                text.msg("cartera.board.vsLastYear", text.number(deals.monthToDateLastYear()),
                        text.change(deals.monthToDate(), deals.monthToDateLastYear())), false));
        kpis.add(new Figure.Kpi("deals-ytd", text.msg("cartera.board.dealsYtd"), text.number(deals.yearToDate()),
                text.msg("cartera.board.vsLastYear", text.number(deals.previousYearToDate()),
                        text.change(deals.yearToDate(), deals.previousYearToDate())), false));
        figures.add(comparison("by-office", text.msg("cartera.board.byOffice"), text.msg("cartera.reports.column.office"), board.revenueByOffice(), ""));
        figures.add(comparison("by-channel", text.msg("cartera.board.byChannel"), text.msg("cartera.reports.column.channel"),
                board.revenueByChannel(), "cartera.source."));
        PeriodReports.MonthlySeries monthly = board.monthlyRevenue();
        List<PeriodReports.MonthPoint> points = monthly.series().isEmpty() ? List.of() : monthly.series().get(0).months();
        List<String> months = points.stream().map(p -> text.month(p.month())).toList();
        List<List<String>> rows = points.stream().map(p -> List.of(text.month(p.month()), text.money(p.value()), text.money(p.sameMonthLastYear()),
                text.money(p.cumulative()), text.money(p.previousCumulative()))).toList();
        figures.add(new Figure("monthly", text.msg("cartera.board.monthly", monthly.fiscalYear()),
                new Figure.Chart("line", "money", ReportText.CURRENCY, false, months, List.of(
                        new Figure.Series(text.msg("cartera.board.cumulative"), points.stream().map(PeriodReports.MonthPoint::cumulative).toList()),
                        new Figure.Series(text.msg("cartera.board.cumulativeLastYear"),
                                points.stream().map(PeriodReports.MonthPoint::previousCumulative).toList()))),
                List.of(text.msg("cartera.reports.column.month"), text.msg("cartera.board.revenue"), text.msg("cartera.board.sameMonthLastYear"),
                        text.msg("cartera.board.cumulative"), text.msg("cartera.board.cumulativeLastYear")), rows));
    }

    private Figure comparison(String id, String title, String dimension, List<Dashboards.Comparison> rows, String labelPrefix) {
        List<String> labels = rows.stream().map(c -> labelPrefix.isEmpty() ? c.label() : text.label(labelPrefix, c.label())).toList();
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Dashboards.Comparison c = rows.get(i);
            table.add(List.of(labels.get(i), text.money(c.monthToDate()), text.money(c.monthToDateLastYear()),
                    text.change(c.monthToDate(), c.monthToDateLastYear()), text.money(c.yearToDate()), text.money(c.previousYearToDate()),
                    text.change(c.yearToDate(), c.previousYearToDate())));
        }
        return new Figure(id, title, new Figure.Chart("bar", "money", ReportText.CURRENCY, true, labels, List.of(
                new Figure.Series(text.msg("cartera.board.thisMonth"), rows.stream().map(Dashboards.Comparison::monthToDate).toList()),
                new Figure.Series(text.msg("cartera.board.sameMonthLastYear"), rows.stream().map(Dashboards.Comparison::monthToDateLastYear).toList()))),
                List.of(dimension, text.msg("cartera.board.thisMonth"), text.msg("cartera.board.sameMonthLastYear"), text.msg("cartera.board.change"),
                        text.msg("cartera.board.cumulative"), text.msg("cartera.board.cumulativeLastYear"), text.msg("cartera.board.change")), table);
    }

    private Figure plan(String id, String title, List<Plans.Fulfilment> plan) {
        List<String> labels = plan.stream().map(f -> text.label("cartera.reports.measure.", f.indicator())
                + (f.subject() == null ? "" : " · " + f.subject())).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Plans.Fulfilment f = plan.get(i);
            boolean money = f.indicator().isAmount();
            rows.add(List.of(labels.get(i), money ? text.money(f.target()) : text.number(f.target()),
                    money ? text.money(f.actual()) : text.number(f.actual()), text.percent(f.fulfilment())));
        }
        return new Figure(id, title, new Figure.Chart("bar", "percent", null, true, labels, List.of(new Figure.Series(
                text.msg("cartera.reports.column.fulfilment"), plan.stream().map(f -> f.fulfilment() == null ? BigDecimal.ZERO : f.fulfilment()).toList()))),
                List.of(text.msg("cartera.reports.column.indicator"), text.msg("cartera.reports.column.target"),
                        text.msg("cartera.reports.column.actual"), text.msg("cartera.reports.column.fulfilment")), rows);
    }

    private Figure pipeline(List<StandardReports.PipelineRow> pipeline) {
        List<String> stages = pipeline.stream().map(StandardReports.PipelineRow::stage).toList();
        List<List<String>> rows = pipeline.stream().map(p -> List.of(p.stage(), text.number(p.deals()), text.money(p.amount()),
                text.money(p.weighted()))).toList();
        return new Figure("pipeline", text.msg("cartera.board.pipelineByStage"),
                new Figure.Chart("bar", "money", ReportText.CURRENCY, false, stages, List.of(
                        new Figure.Series(text.msg("cartera.reports.column.amount"), pipeline.stream().map(StandardReports.PipelineRow::amount).toList()),
                        new Figure.Series(text.msg("cartera.reports.column.weighted"), pipeline.stream().map(StandardReports.PipelineRow::weighted).toList()))),
                List.of(text.msg("cartera.reports.column.stage"), text.msg("cartera.reports.column.deals"), text.msg("cartera.reports.column.amount"),
                        text.msg("cartera.reports.column.weighted")), rows);
    }

}
