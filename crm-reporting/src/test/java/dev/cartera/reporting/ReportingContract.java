package dev.cartera.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.reporting.custom.CustomReportResult;
import dev.cartera.reporting.custom.CustomReports;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.FormatRule;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import dev.cartera.reporting.custom.ReportSubject;
import dev.cartera.reporting.custom.SavedReport;
import dev.cartera.reporting.custom.TaskTemplate;
import dev.cartera.reporting.export.ExportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reports driven through the core services as real users would: dashboards per role, plans,
 * saved and shared custom reports, bulk tasks, exports and panels. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportingContract {
    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private ReportEnv env;
    private CrmFixture fx;
    private Cartera crm;
    private CarteraReports reports;
    private ReportEnv.Tenant t;
    private ReportEnv.Tenant other;

    protected abstract DataSource dataSource();

    @BeforeAll
    void start() {
        env = new ReportEnv(dataSource());
        fx = env.fx;
        crm = fx.cartera;
        reports = CarteraReports.create(crm);
    }

    @AfterAll
    void stop() {
        env.close();
    }

    @BeforeEach
    void freshTenants() {
        fx.clock.set(NOW);
        t = env.tenant("r");
        other = env.tenant("x");
    }

    private <T> T as(String user, Supplier<T> work) {
        return fx.session.call(t.id(), user, work);
    }

    private void at(String instant) {
        fx.clock.set(Instant.parse(instant));
    }

    private OpportunityView deal(String user, String name, String amount, String source) {
        return as(user, () -> crm.opportunities().create(new OpportunityDraft(name, null, null, null, null, new BigDecimal(amount),
                null, null, null, source, null, null)));
    }

    private OpportunityView win(String user, OpportunityView deal) {
        return as(user, () -> crm.opportunities().markWon(deal.id(), null));
    }

    @Test
    void theRepDashboardShowsOwnDealsContactsTasksAndPlan() {
        at("2026-03-02T09:00:00Z");
        deal("rep", "Own A", "1000", "web");
        deal("rep", "Own B", "500", "web");
        deal("rep2", "Colleague", "7000", "web");
        OpportunityView won = deal("rep", "Won", "2500", "web");
        at("2026-03-09T09:00:00Z");
        win("rep", won);
        as("rep", () -> crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", null, null)));
        as("rep", () -> crm.activities().create(ActivityDraft.logged(ActivityType.EMAIL, "Correo", null, null)));
        as("rep2", () -> crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Otra", null, null)));
        at("2026-03-03T09:00:00Z");
        as("rep", () -> crm.activities().create(ActivityDraft.logged(ActivityType.MEETING, "Reunión", null, null)));
        as("rep", () -> crm.activities().create(ActivityDraft.task("Vencida", null, null, Instant.parse("2026-03-05T10:00:00Z"))));
        as("rep", () -> crm.activities().create(ActivityDraft.task("Hoy", null, null, Instant.parse("2026-03-10T15:00:00Z"))));
        crm.asSystem(t.id(), c -> reports.plans().set(new Plans.TargetDraft(Measure.REVENUE_WON, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), Plans.Level.USER, t.org().rep(), new BigDecimal("10000"))));
        at("2026-03-10T10:00:00Z");

        Dashboards.RepDashboard board = as("rep", () -> reports.dashboards().rep());

        assertThat(board.openDeals().deals()).isEqualTo(2);
        assertThat(board.openDeals().amount()).isEqualByComparingTo("1500");
        assertThat(board.thisWeek()).containsEntry(ActivityType.CALL, 1L).containsEntry(ActivityType.EMAIL, 1L)
                .containsEntry(ActivityType.MEETING, 0L);
        assertThat(board.thisMonth()).containsEntry(ActivityType.MEETING, 1L).containsEntry(ActivityType.CALL, 1L);
        assertThat(board.tasks()).isEqualTo(new Dashboards.TasksDue(1, 1, 0));
        assertThat(board.plan()).singleElement().satisfies(p -> {
            assertThat(p.actual()).isEqualByComparingTo("2500");
            assertThat(p.fulfilment()).isEqualByComparingTo("0.25");
        });
        assertThat(board.pipeline()).extracting(StandardReports.PipelineRow::deals).containsExactly(2L);
        assertThat(crm.meterRegistry().find("cartera.report.query").tag("report", "dashboard-rep").timer())
                .as("report query time is measured").isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    void theMonthlySummariesServePostgresInTheirZoneAndOnlyAnAdministratorRebuildsThem() throws java.sql.SQLException {
        boolean postgres;
        try (java.sql.Connection c = env.dataSource.getConnection()) {
            postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
        CarteraReports madrid = CarteraReports.create(crm);
        assertThat(as("director", madrid::summariesInUse)).isEqualTo(postgres);
        assertThatThrownBy(() -> as("director", madrid::rebuildSummaries)).isInstanceOf(AccessDeniedException.class);
        assertThat(as("admin", madrid::rebuildSummaries)).isEqualTo(postgres);
        // A fixed offset reads with the opposite sign in PostgreSQL: refused, and such reports read the base tables.
        CarteraReports offset = CarteraReports.create(crm, ReportSettings.defaults().withZone(java.time.ZoneOffset.ofHours(1)));
        assertThat(as("admin", offset::rebuildSummaries)).isFalse();
        assertThat(as("director", offset::summariesInUse)).isFalse();
        assertThat(as("director", madrid::summariesInUse)).isEqualTo(postgres);
    }

    @Test
    void theManagerDashboardHasARowPerTeamMemberAndTheTeamPlanButNotOtherTeams() {
        at("2026-03-02T09:00:00Z");
        OpportunityView a = deal("rep", "A", "1000", "web");
        OpportunityView b = deal("rep2", "B", "3000", "feria");
        OpportunityView c = deal("rep3", "C", "9000", "web");
        OpportunityView lost = deal("rep2", "L", "400", "web");
        at("2026-03-05T09:00:00Z");
        win("rep", a);
        win("rep3", c);
        as("rep2", () -> crm.opportunities().markLost(lost.id(), null, "precio"));
        as("rep", () -> crm.leads().create(LeadDraft.of("Ana", "García", "Frutas Ana SL", "ana@frutas.es", null, "web")));
        crm.asSystem(t.id(), x -> {
            reports.plans().set(new Plans.TargetDraft(Measure.REVENUE_WON, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    Plans.Level.TEAM, t.org().teamA(), new BigDecimal("4000")));
            reports.plans().set(new Plans.TargetDraft(Measure.REVENUE_WON, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    Plans.Level.TEAM, t.org().teamB(), new BigDecimal("4000")));
            return null;
        });

        Dashboards.ManagerDashboard board = as("manager", () -> reports.dashboards().manager());

        assertThat(board.reps()).extracting(Dashboards.RepRow::name, Dashboards.RepRow::openDeals, Dashboards.RepRow::wonDeals)
                .containsExactly(tuple("Rep", 0L, 1L), tuple("Rep2", 1L, 0L));
        assertThat(board.plan()).singleElement().satisfies(p -> {
            assertThat(p.subjectId()).isEqualTo(t.org().teamA());
            assertThat(p.actual()).isEqualByComparingTo("1000");
        });
        assertThat(board.lostReasons()).extracting(StandardReports.LostReasonRow::reason, StandardReports.LostReasonRow::deals)
                .containsExactly(tuple("Precio", 1L));
        assertThat(board.sources()).extracting(StandardReports.SourceRow::source, StandardReports.SourceRow::leads,
                StandardReports.SourceRow::wonDeals).containsExactly(tuple("web", 1L, 1L));
        assertThat(board.pipeline()).extracting(StandardReports.PipelineRow::deals).containsExactly(1L);
        assertThat(as("rep", () -> reports.plans().fulfilment(LocalDate.of(2026, 3, 10)))).isEmpty();
        assertThat(as("director", () -> reports.plans().fulfilment(LocalDate.of(2026, 3, 10)))).hasSize(2);
        assertThatThrownBy(() -> as("manager", () -> reports.plans().set(new Plans.TargetDraft(Measure.DEALS_WON,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Plans.Level.USER, t.org().rep(), BigDecimal.TEN))))
                .as("plans are configuration: admins set them").isInstanceOf(AccessDeniedException.class);
        assertThat(as("admin", () -> reports.plans().set(new Plans.TargetDraft(Measure.DEALS_WON, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Plans.Level.USER, t.org().rep(), BigDecimal.TEN)))).isNotNull();
        assertThat(as("rep", () -> reports.plans().fulfilment(LocalDate.of(2026, 3, 10)))).singleElement()
                .satisfies(p -> assertThat(p.actual()).isEqualByComparingTo("1"));
    }

    @Test
    void theDirectorDashboardComparesWithTheSameMonthAndYearToDateOfLastYear() {
        at("2025-01-20T09:00:00Z");
        win("director", deal("rep", "Last January", "800", "web"));
        at("2025-03-04T09:00:00Z");
        win("director", deal("rep3", "Last March", "1200", "feria"));
        at("2025-03-25T09:00:00Z");
        win("director", deal("rep3", "Late last March", "5000", "feria"));
        at("2026-03-06T09:00:00Z");
        win("director", deal("rep", "This March", "2000", "web"));
        at("2026-03-10T10:00:00Z");

        Dashboards.DirectorDashboard board = as("director", () -> reports.dashboards().director());

        assertThat(board.revenue().monthToDate()).isEqualByComparingTo("2000");
        assertThat(board.revenue().monthToDateLastYear()).isEqualByComparingTo("1200");
        assertThat(board.revenue().yearToDate()).isEqualByComparingTo("2000");
        assertThat(board.revenue().previousYearToDate()).isEqualByComparingTo("2000");
        assertThat(board.dealsWon().previousYearToDate()).isEqualByComparingTo("2");
        assertThat(board.revenueByOffice()).singleElement().satisfies(o -> {
            assertThat(o.label()).isEqualTo("Oficina Madrid");
            assertThat(o.yearToDate()).isEqualByComparingTo("2000");
        });
        assertThat(board.revenueByChannel()).extracting(Dashboards.Comparison::key).containsExactly("feria", "web");
        PeriodReports.MonthPoint march = board.monthlyRevenue().series().get(0).months().get(2);
        assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(march.sameMonthLastYear()).isEqualByComparingTo("6200");
    }

    @Test
    void monthsAreCutInMadridTimeUnlessConfiguredOtherwise() {
        at("2025-12-31T23:30:00Z");
        win("director", deal("rep", "New Year's Eve", "100", "web"));
        at("2026-03-10T10:00:00Z");
        PeriodReports.MonthlySeries madrid = as("director", () -> reports.periods().monthly(Measure.REVENUE_WON, Dimension.NONE, 2026));
        CarteraReports utc = CarteraReports.create(crm, ReportSettings.defaults().withZone(ZoneOffset.UTC));
        PeriodReports.MonthlySeries inUtc = as("director", () -> utc.periods().monthly(Measure.REVENUE_WON, Dimension.NONE, 2026));

        assertThat(madrid.series().get(0).months().get(0).value()).isEqualByComparingTo("100");
        assertThat(inUtc.series().get(0).months().get(0).value()).isEqualByComparingTo("0");
    }

    @Test
    void aSharedDefinitionRunsInTheRunnersScopeAndTenant() {
        deal("rep", "Rep deal", "100", "web");
        deal("rep3", "Rep3 deal", "300", "web");
        deal("director", "Director deal", "900", "web");
        ReportDefinition all = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name", "amount"), List.of())
                .sortedBy(List.of(SortSpec.desc("amount")));
        SavedReport shared = as("director", () -> reports.custom().save("Todas las oportunidades", all, true));

        assertThat(as("director", () -> reports.custom().runSaved(shared.id())).table().rows()).hasSize(3);
        assertThat(as("rep", () -> reports.custom().runSaved(shared.id())).table().rows())
                .extracting(r -> r.cell(0)).containsExactly("Rep deal");
        assertThat(as("manager", () -> reports.custom().runSaved(shared.id())).table().rows())
                .extracting(r -> r.cell(0)).containsExactly("Rep deal");
        assertThat(as("rep", () -> reports.custom().list())).extracting(SavedReport::id).containsExactly(shared.id());
        assertThatThrownBy(() -> fx.session.call(other.id(), "director", () -> reports.custom().runSaved(shared.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.session.call(other.id(), "director", () -> reports.custom().list())).isEmpty();
    }

    @Test
    void aPrivateDefinitionIsOnlyItsOwnersAndOnlyTheOwnerChangesIt() {
        ReportDefinition mine = ReportDefinition.list(ReportSubject.LEADS, List.of("company"), List.of());
        SavedReport saved = as("rep", () -> reports.custom().save("Mis leads", mine, false));

        assertThatThrownBy(() -> as("rep2", () -> reports.custom().runSaved(saved.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as("rep2", () -> reports.custom().list())).isEmpty();
        SavedReport shared = as("rep", () -> reports.custom().update(saved.id(), saved.version(), "Mis leads", mine, true));
        assertThat(shared.shared()).isTrue();
        assertThatThrownBy(() -> as("rep2", () -> reports.custom().update(saved.id(), shared.version(), "Robado", mine, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rep", () -> reports.custom().update(saved.id(), saved.version(), "Viejo", mine, true)))
                .isInstanceOf(ConflictException.class);
        as("rep", () -> {
            reports.custom().delete(saved.id());
            return null;
        });
        assertThat(as("rep", () -> reports.custom().list())).isEmpty();
    }

    @Test
    void aManagerGroupsByStageAndRepExportsToXlsxAndCreatesACallTaskPerRow() throws Exception {
        OpportunityView a = deal("rep", "Alfa", "1000", "web");
        deal("rep2", "Beta", "2000", "web");
        deal("rep3", "Gamma", "4000", "web");
        ReportDefinition byStageAndRep = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("stage", "owner"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount")), List.of())
                .formattedBy(List.of(new FormatRule("sum_amount", Operator.GE, "1500", Highlight.GREEN)));
        SavedReport saved = as("manager", () -> reports.custom().save("Por etapa y comercial", byStageAndRep, false));

        CustomReportResult result = as("manager", () -> reports.custom().runSaved(saved.id()));
        assertThat(result.table().rows()).extracting(r -> r.cells()).containsExactly(
                List.of("En análisis", "Rep", 1L, new BigDecimal("1000")), List.of("En análisis", "Rep2", 1L, new BigDecimal("2000")));
        assertThat(result.table().rows().get(1).highlights()).containsEntry("sum_amount", Highlight.GREEN);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        as("manager", () -> {
            reports.custom().export(saved.id(), ExportFormat.XLSX, xlsx);
            return null;
        });
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("Rep2");
            assertThat(book.getSheetAt(0).getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2000.0);
        }

        ReportDefinition rows = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name", "owner"), List.of());
        List<UUID> tasks = as("manager", () -> reports.custom().createTasks(rows,
                TaskTemplate.of(ActivityType.CALL, "Llamar", Instant.parse("2026-03-12T09:00:00Z")).toRecordOwners()));
        assertThat(tasks).hasSize(2);
        List<ActivityView> onAlfa = as("rep", () -> crm.activities().ofRecord(RecordType.OPPORTUNITY, a.id()));
        assertThat(onAlfa).singleElement().satisfies(task -> {
            assertThat(task.type()).isEqualTo(ActivityType.CALL);
            assertThat(task.ownerId()).isEqualTo(t.org().rep());
        });
        assertThatThrownBy(() -> as("manager", () -> reports.custom().createTasks(byStageAndRep,
                TaskTemplate.of(ActivityType.CALL, "x", null)))).isInstanceOf(ValidationException.class);
    }

    @Test
    void repsMayNotExportAndExportsParseBack() throws Exception {
        deal("rep", "=HYPERLINK(\"http://evil\")", "100", "web");
        ReportDefinition def = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name", "amount", "createdAt"), List.of());
        SavedReport saved = as("rep", () -> reports.custom().save("Exportable", def, true));
        assertThatThrownBy(() -> as("rep", () -> {
            reports.custom().export(saved.id(), ExportFormat.CSV, new ByteArrayOutputStream());
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        as("director", () -> {
            reports.custom().export(saved.id(), ExportFormat.CSV, csv);
            reports.custom().export(saved.id(), ExportFormat.PDF, pdf);
            return null;
        });
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new InputStreamReader(new ByteArrayInputStream(csv.toByteArray()),
                StandardCharsets.UTF_8)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(records.get(1).get(1)).isEqualTo("100");
        assertThat(records.get(1).get(2)).isEqualTo("2026-03-10 11:00");
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Exportable", "HYPERLINK", "100");
        }
    }

    @Test
    void aPanelShowsSeveralSavedReportsEachInTheViewersScope() {
        deal("rep", "Rep deal", "100", "web");
        deal("rep3", "Rep3 deal", "300", "web");
        as("rep", () -> crm.leads().create(LeadDraft.of("Luis", "Pérez", "Pérez SL", null, null, "web")));
        SavedReport deals = as("director", () -> reports.custom().save("Deals",
                ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("owner"), List.of(MeasureSpec.count()), List.of()), true));
        SavedReport leads = as("director", () -> reports.custom().save("Leads",
                ReportDefinition.list(ReportSubject.LEADS, List.of("company", "source"), List.of()), true));
        UUID panel = as("director", () -> reports.custom().createPanel("Panel comercial", List.of(deals.id(), leads.id()), true));

        CustomReports.Panel forRep = as("rep", () -> reports.custom().panel(panel));
        assertThat(forRep.reports()).hasSize(2);
        assertThat(forRep.reports().get(0).table().rows()).extracting(r -> r.cells()).containsExactly(List.of("Rep", 1L));
        assertThat(forRep.reports().get(1).table().rows()).hasSize(1);
        assertThat(as("director", () -> reports.custom().panel(panel)).reports().get(0).table().rows()).hasSize(2);
        assertThat(as("rep", () -> reports.custom().panels())).extracting(CustomReports.Panel::name).containsExactly("Panel comercial");
        UUID own = as("director", () -> reports.custom().createPanel("Mi panel", List.of(leads.id()), false));
        assertThat(as("rep", () -> reports.custom().panels())).extracting(CustomReports.Panel::id).doesNotContain(own);
        assertThat(as("director", () -> reports.custom().panels())).extracting(CustomReports.Panel::id).contains(own, panel);
    }

    @Test
    void filterValuesAreBoundNeverExecuted() {
        deal("rep", "O'Brien & Co", "100", "web");
        ReportDefinition hostile = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name"),
                List.of(Filter.of("name", Operator.CONTAINS, "'; delete from crm_opportunity; --")));
        assertThat(as("director", () -> reports.custom().run(hostile)).table().rows()).isEmpty();
        ReportDefinition quote = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name"),
                List.of(Filter.of("name", Operator.CONTAINS, "o'brien")));
        assertThat(as("director", () -> reports.custom().run(quote)).table().rows()).hasSize(1);
        ReportDefinition injectedField = ReportDefinition.list(ReportSubject.OPPORTUNITIES, List.of("name from crm_user --"), List.of());
        assertThatThrownBy(() -> as("director", () -> reports.custom().run(injectedField))).isInstanceOf(ValidationException.class);
    }

    @Test
    void timestampFiltersAndGroupingsWorkOnEveryRecordType() {
        at("2026-03-01T09:00:00Z");
        AccountView acme = as("rep", () -> crm.accounts().create(AccountDraft.company("Acme SL")));
        LeadView lead = as("rep", () -> crm.leads().create(LeadDraft.of("Eva", "Ruiz", "Ruiz SA", null, null, "feria")));
        at("2026-03-05T09:00:00Z");
        as("rep", () -> crm.leads().convert(lead.id(), null, LeadConversion.withOpportunity("Ruiz deal", new BigDecimal("50"))));
        as("rep", () -> crm.activities().create(ActivityDraft.logged(ActivityType.VISIT, "Visita", RecordType.ACCOUNT, acme.id())));
        at("2026-03-10T10:00:00Z");

        ReportDefinition converted = ReportDefinition.list(ReportSubject.LEADS, List.of("company", "status"),
                List.of(Filter.of("convertedAt", Operator.BETWEEN, "2026-03-05", "2026-03-05"), Filter.of("source", Operator.IN, "feria", "web")));
        assertThat(as("rep", () -> reports.custom().run(converted)).table().rows()).extracting(r -> r.cells())
                .containsExactly(List.of("Ruiz SA", "CONVERTED"));
        ReportDefinition visits = ReportDefinition.grouped(ReportSubject.ACTIVITIES, List.of("type", "account"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.MAX, "completedAt")), List.of(Filter.of("completedAt", Operator.GE, "2026-03-05")));
        assertThat(as("rep", () -> reports.custom().run(visits)).table().rows()).extracting(r -> r.cells())
                .containsExactly(List.of("VISIT", "Acme SL", 1L, Instant.parse("2026-03-05T09:00:00Z")));
        ReportDefinition accounts = ReportDefinition.grouped(ReportSubject.ACCOUNTS, List.of("owner"), List.of(MeasureSpec.count()),
                List.of(Filter.of("createdAt", Operator.LT, "2026-03-02")));
        assertThat(as("rep", () -> reports.custom().run(accounts)).table().rows()).extracting(r -> r.cells())
                .containsExactly(List.of("Rep", 1L));
    }

    @Test
    void campaignsQuotesAndStuckDealsComeFromTheirTables() {
        UUID campaign = UUID.randomUUID();
        env.exec("insert into crm_campaign (id, tenant_id, version, created_at, updated_at, name, channel, planned_cost, actual_cost, owner_id)"
                + " values (?, ?, 0, ?, ?, 'Feria Sevilla', 'feria', 1200, 1000, ?)", campaign, t.id(), ReportEnv.ts(NOW),
                ReportEnv.ts(NOW), t.org().manager());
        as("rep", () -> crm.leads().create(new LeadDraft(null, null, "Campaña SL", null, null, null, null, "feria", campaign, null,
                null, null, null, null, null, null, null, null, null)));
        OpportunityView fromCampaign = as("rep", () -> crm.opportunities().create(new OpportunityDraft("Campaña deal", null, null,
                null, null, new BigDecimal("3000"), null, null, null, "feria", campaign, null)));
        win("rep", fromCampaign);
        assertThat(as("manager", () -> reports.standard().campaigns())).singleElement().satisfies(c -> {
            assertThat(c.leads()).isEqualTo(1);
            assertThat(c.revenue()).isEqualByComparingTo("3000");
            assertThat(c.roi()).isEqualByComparingTo("2");
        });
        assertThat(as("rep", () -> reports.standard().campaigns())).isEmpty();

        UUID product = UUID.randomUUID();
        UUID quote = UUID.randomUUID();
        env.exec("insert into crm_product (id, tenant_id, version, created_at, updated_at, sku, name) values (?, ?, 0, ?, ?, 'W-1', 'Web corporativa')",
                product, t.id(), ReportEnv.ts(NOW), ReportEnv.ts(NOW));
        env.exec("insert into crm_quote (id, tenant_id, version, created_at, updated_at, number, status, net_total, owner_id, sent_at, decided_at)"
                + " values (?, ?, 0, ?, ?, 'P-1', 'ACCEPTED', 1500, ?, ?, ?)", quote, t.id(), ReportEnv.ts(NOW), ReportEnv.ts(NOW),
                t.org().rep(), ReportEnv.ts(NOW), ReportEnv.ts(NOW));
        env.exec("insert into crm_quote_line (id, tenant_id, version, created_at, updated_at, quote_id, product_id, quantity, line_net)"
                + " values (?, ?, 0, ?, ?, ?, ?, 3, 1500)", UUID.randomUUID(), t.id(), ReportEnv.ts(NOW), ReportEnv.ts(NOW), quote, product);
        DateRange march = DateRange.month(YearMonth.of(2026, 3));
        assertThat(as("rep", () -> reports.standard().quotes(march))).extracting(StandardReports.QuoteStatusRow::status,
                StandardReports.QuoteStatusRow::quotes).containsExactly(tuple("ACCEPTED", 1L));
        assertThat(as("rep", () -> reports.standard().productsSold(march))).singleElement().satisfies(p -> {
            assertThat(p.product()).isEqualTo("Web corporativa");
            assertThat(p.quantity()).isEqualByComparingTo("3");
        });
        assertThat(as("rep", () -> reports.periods().total(Measure.PRODUCTS_SOLD, Dimension.PRODUCT, march)))
                .containsOnlyKeys(product.toString());
        assertThat(as("rep2", () -> reports.standard().productsSold(march))).isEmpty();

        at("2026-01-10T10:00:00Z");
        OpportunityView old = deal("rep", "Parada", "10", "web");
        at("2026-03-10T10:00:00Z");
        assertThat(as("rep", () -> reports.standard().stuckDeals())).extracting(StandardReports.StuckDeal::opportunityId,
                StandardReports.StuckDeal::daysInStage).containsExactly(tuple(old.id(), 59L));
        assertThat(as("rep2", () -> reports.standard().stuckDeals())).isEmpty();
    }

    @Test
    void everyStandardReportExportsToCsvXlsxAndPdf() throws Exception {
        at("2026-01-12T09:00:00Z");
        OpportunityView a = deal("rep", "Alfa", "1000", "web");
        OpportunityView b = deal("rep2", "Beta", "2000", "feria");
        deal("rep", "Gamma", "300", null);
        at("2026-02-20T09:00:00Z");
        win("rep", a);
        as("rep2", () -> crm.opportunities().markLost(b.id(), null, "precio"));
        as("rep", () -> crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", RecordType.OPPORTUNITY, a.id())));
        at("2026-03-10T10:00:00Z");
        DateRange ytd = DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 10));
        List<ReportTable> tables = as("director", () -> {
            StandardReports s = reports.standard();
            PeriodReports p = reports.periods();
            return List.of(StandardReports.pipelineTable(s.pipeline()), StandardReports.funnelTable(s.funnel(ytd, null)),
                    StandardReports.winRateTable(s.winRate(ytd, Dimension.SOURCE)), StandardReports.stageDurationTable(s.stageDurations(ytd)),
                    StandardReports.stuckDealTable(s.stuckDeals()), StandardReports.interactionTable(s.interactionEffectiveness(ytd)),
                    StandardReports.sourceTable(s.sources(ytd)), StandardReports.campaignTable(s.campaigns()),
                    StandardReports.lostReasonTable(s.lostReasons(ytd)), StandardReports.quoteTable(s.quotes(ytd)),
                    StandardReports.productTable(s.productsSold(ytd)), StandardReports.segmentTable(s.abcXyz(ytd)),
                    Plans.table(reports.plans().fulfilment(LocalDate.of(2026, 3, 10))),
                    p.monthly(Measure.REVENUE_WON, Dimension.OFFICE, 2026).table(),
                    p.yearToDate(Measure.DEALS_CREATED, Dimension.ROLE, LocalDate.of(2026, 3, 10)).table(),
                    p.years(Measure.ACTIVITIES_DONE, Dimension.TEAM, 2025, 2026).table());
        });
        assertThat(tables.get(0).rows()).isNotEmpty();
        assertThat(tables.get(2).rows()).hasSize(2);
        // The deals feature may store a canonical spelling of the reason ("Precio"); the report shows what is stored.
        assertThat(tables.get(8).rows()).extracting(r -> r.cell(0).toString().toLowerCase(java.util.Locale.ROOT)).containsExactly("precio");
        var exporter = new dev.cartera.reporting.export.ReportExporter(java.time.ZoneId.of("Europe/Madrid"));
        for (ReportTable table : tables) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            exporter.write(table, ExportFormat.CSV, csv);
            exporter.write(table, ExportFormat.XLSX, xlsx);
            exporter.write(table, ExportFormat.PDF, pdf);
            assertThat(CSVFormat.RFC4180.parse(new InputStreamReader(new ByteArrayInputStream(csv.toByteArray()), StandardCharsets.UTF_8))
                    .getRecords()).as(table.title()).hasSize(table.rows().size() + 1);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).as(table.title()).isEqualTo(table.rows().size() + 1);
            }
            try (var document = Loader.loadPDF(pdf.toByteArray())) {
                assertThat(new PDFTextStripper().getText(document)).as(table.title()).contains(table.title());
            }
        }
    }
}
