package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.access.Role;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.team.OfficeView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.Measure;
import dev.cartera.reporting.Plans;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The dashboards of each profile and the reports pages: figures, the chart data behind them, the
 * custom report builder, exports and a task for each row, all in the user's scope.
 */
class DashboardAndReportPagesIntegrationTests extends UiIntegrationTestSupport {
    @Autowired
    CarteraReports reports;
    @Autowired
    JdbcTemplate jdbc;

    private String tenant;
    private UUID rep;

    /**
     * Offices Valencia (team A: manager "mara", rep "rep") and Madrid (team B: "rep2"), a director "dora".
     * This month: rep won 1.000 € (web), rep2 won 4.000 € (phone); a year ago rep2 won 3.000 € (web).
     */
    @BeforeEach
    void firm() {
        tenant = "r" + UUID.randomUUID().toString().substring(0, 8);
        rep = cartera.asSystem(tenant, crm -> {
            OfficeView valencia = crm.users().createOffice("Valencia", "Valencia");
            OfficeView madrid = crm.users().createOffice("Madrid", "Madrid");
            UUID mara = crm.users().create(new UserDraft("mara", "Mara Soler", "mara@example.es", Role.MANAGER, null, valencia.id(), "es")).id();
            TeamView teamA = crm.users().createTeam("Equipo Valencia", valencia.id(), mara);
            TeamView teamB = crm.users().createTeam("Equipo Madrid", madrid.id(), null);
            crm.users().update(mara, null, new UserDraft("mara", "Mara Soler", "mara@example.es", Role.MANAGER, teamA.id(), valencia.id(), "es"));
            crm.users().create(new UserDraft("dora", "Dora Vidal", "dora@example.es", Role.DIRECTOR, null, null, "es"));
            crm.users().create(new UserDraft("rep2", "Carla Gómez", "rep2@example.es", Role.SALES_REP, teamB.id(), madrid.id(), "es"));
            return crm.users().create(new UserDraft("rep", "Rubén Pérez", "rep@example.es", Role.SALES_REP, teamA.id(), valencia.id(), "es")).id();
        });
        deal("rep", "Reformas Sol", "1000", "web", true);
        deal("rep", "Obra Luna", "2500", "web", false);
        UUID lost = deal("rep", "Perdida Norte", "700", "web", false);
        deal("rep2", "Tienda Mar", "4000", "phone", true);
        UUID lastYear = deal("rep2", "Hace un año", "3000", "web", true);
        jdbc.update("update crm_opportunity set closed_at = ?, created_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(366, ChronoUnit.DAYS)), java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)), lastYear);
        asUser("rep", () -> cartera.opportunities().markLost(lost, null, "Precio"));
        asUser("rep", () -> cartera.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada a Sol", null, null)));
        asUser("rep", () -> cartera.activities().create(ActivityDraft.logged(ActivityType.EMAIL, "Correo a Luna", null, null)));
        asUser("rep", () -> cartera.activities().create(ActivityDraft.task("Vencida", null, null, Instant.now().minus(2, ChronoUnit.DAYS))));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
        cartera.asSystem(tenant, crm -> reports.plans().set(new Plans.TargetDraft(Measure.REVENUE_WON, today.withDayOfMonth(1),
                today.withDayOfMonth(today.lengthOfMonth()), Plans.Level.USER, rep, new BigDecimal("2000"))));
    }

    @Test
    void theDirectorReadsThisMonthAgainstLastYearByOfficeAndChannelWithCharts() throws Exception {
        String html = page("/crm", "dora");

        assertThat(html).contains("data-profile=\"director\"");
        assertThat(kpi(html, "kpi-revenue-month")).contains("5.000,00\u00a0€").contains("3.000,00\u00a0€");
        assertThat(kpi(html, "kpi-deals-month")).contains(">2<");
        String offices = CustomerCardIntegrationTests.section(html, "figure-by-office");
        assertThat(offices).contains("Valencia", "Madrid", "1.000,00\u00a0€", "4.000,00\u00a0€", "data-testid=\"chart\"");
        assertThat(chart(offices)).contains("\"labels\":[\"Madrid\",\"Valencia\"]").contains("4000.0", "1000.0");
        String channels = CustomerCardIntegrationTests.section(html, "figure-by-channel");
        assertThat(channels).contains("Web", "Teléfono");
        assertThat(chart(channels)).contains("\"format\":\"money\"");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-monthly")).contains("data-chart=");
        assertThat(html).containsPattern("/crm/assets/webjars/chart.js/[0-9.]+/dist/chart.umd.min.js").contains("/crm/assets/cartera-charts.js");
        mvc.perform(get("/crm/assets/webjars/chart.js/dist/chart.umd.min.js").with(as("dora", tenant))).andExpect(status().isOk());
        mvc.perform(get("/crm/assets/cartera-charts.js").with(as("dora", tenant))).andExpect(status().isOk());
        assertThat(html).contains("data-testid=\"board-manager\"", "data-testid=\"board-rep\"");
    }

    @Test
    void theManagerSeesTheTeamPlanSourcesLostReasonsPipelineAndARowPerRep() throws Exception {
        String html = page("/crm", "mara");

        assertThat(html).contains("data-profile=\"manager\"").doesNotContain("data-testid=\"board-director\"");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-plan")).contains("Ventas ganadas", "2.000,00\u00a0€", "50\u00a0%");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-lost-reasons")).contains("Precio", "700,00\u00a0€");
        assertThat(chart(CustomerCardIntegrationTests.section(html, "figure-pipeline"))).contains("2500.0");
        String reps = CustomerCardIntegrationTests.section(html, "figure-reps");
        assertThat(reps).contains("Rubén Pérez").doesNotContain("Carla Gómez");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-sources-conversion")).contains("Web");
        assertThat(page("/crm?view=director", "mara")).contains("data-profile=\"manager\"");
    }

    @Test
    void theRepSeesOwnPlanDealsContactsAndTasksDue() throws Exception {
        String html = page("/crm", "rep");

        assertThat(html).contains("data-profile=\"rep\"").doesNotContain("data-testid=\"board-tabs\"");
        assertThat(kpi(html, "kpi-open-deals")).contains(">1<", "2.500,00\u00a0€");
        assertThat(kpi(html, "kpi-contacts-call")).contains(">1<");
        assertThat(kpi(html, "kpi-tasks")).contains("1 vencida");
        String contacts = CustomerCardIntegrationTests.section(html, "figure-contacts");
        assertThat(chart(contacts)).contains("\"labels\":[\"Llamada\",\"Email\",\"Reunión\"]");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-plan")).contains("1.000,00\u00a0€", "50\u00a0%");
        assertThat(html).doesNotContain("Tienda Mar", "4.000,00");
    }

    @Test
    void aManagerBuildsSavesRunsExportsAReportGroupedByStageAndRepAndCreatesACallForEachRow() throws Exception {
        assertThat(page("/crm/reports/custom/new?subject=OPPORTUNITIES", "mara")).contains("data-testid=\"builder-form\"", "Agrupar por (1)");
        String preview = mvc.perform(post("/crm/reports/custom/preview").with(as("mara", tenant)).with(csrf())
                        .param("subject", "OPPORTUNITIES").param("groupings", "stage", "owner", "")
                        .param("measures", "COUNT", "SUM:amount"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(CustomerCardIntegrationTests.section(preview, "figure-preview")).contains("Rubén Pérez").doesNotContain("Carla Gómez");

        MvcResult saved = mvc.perform(post("/crm/reports/custom").with(as("mara", tenant)).with(csrf())
                        .param("name", "Por fase y comercial").param("shared", "true").param("subject", "OPPORTUNITIES")
                        .param("groupings", "stage", "owner", "").param("measures", "COUNT", "SUM:amount")
                        .param("sortKey", "sum_amount").param("sortDescending", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = saved.getResponse().getRedirectedUrl();
        assertThat(url).matches("/crm/reports/custom/[0-9a-f-]{36}");

        String report = page(url, "mara");
        String figure = CustomerCardIntegrationTests.section(report, "figure-custom");
        assertThat(figure).contains("Rubén Pérez", "Fase", "Comercial", "Suma · Importe", "2.500,00\u00a0€").doesNotContain("Carla Gómez");
        assertThat(chart(figure)).contains("\"type\":\"bar\"");
        assertThat(report).contains("Una tarea por cada registro de los grupos: 3 tareas");

        byte[] xlsx = mvc.perform(get(url + "/export?format=xlsx").with(as("mara", tenant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment; filename=\"por-fase-y-comercial.xlsx\"")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");

        mvc.perform(post(url + "/tasks").with(as("mara", tenant)).with(csrf()).param("type", "CALL").param("subject", "Llamar por el informe")
                        .param("due", LocalDate.now().plusDays(3).toString()).param("toOwners", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("tasksCreated", 3));
        assertThat(jdbc.queryForObject("select count(*) from crm_activity where tenant_id = ? and subject = ? and type = 'CALL' and owner_id = ?",
                Long.class, tenant, "Llamar por el informe", rep)).isEqualTo(3L);

        String asRep = CustomerCardIntegrationTests.section(page(url, "rep"), "figure-custom");
        assertThat(asRep).contains("Rubén Pérez").doesNotContain("Carla Gómez");
        String asOtherRep = CustomerCardIntegrationTests.section(page(url, "rep2"), "figure-custom");
        assertThat(asOtherRep).contains("Carla Gómez").doesNotContain("Rubén Pérez");
    }

    @Test
    void standardReportsTakeAPeriodAndADimensionAndExportInEachFormat() throws Exception {
        String html = page("/crm/reports?report=win-rate&period=ytd&dimension=OFFICE", "dora");
        String figure = CustomerCardIntegrationTests.section(html, "figure-standard");
        assertThat(figure).contains("Tasa de éxito", "Valencia", "Madrid");
        assertThat(chart(figure)).contains("Valencia");
        assertThat(page("/crm/reports?report=monthly&measure=REVENUE_WON&dimension=SOURCE", "dora")).contains("Mismo mes año anterior");
        String counted = CustomerCardIntegrationTests.section(page("/crm/reports?report=year-over-year&measure=DEALS_WON&period=ytd", "dora"),
                "figure-standard");
        assertThat(counted).contains(">2<").doesNotContain("€");

        String csv = mvc.perform(get("/crm/reports/standard/sources/export?format=csv&period=month").with(as("dora", tenant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Origen;Leads;").contains("phone;");
        byte[] pdf = mvc.perform(get("/crm/reports/standard/pipeline/export?format=pdf").with(as("dora", tenant)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
        mvc.perform(get("/crm/reports/standard/pipeline/export?format=doc").with(as("dora", tenant))).andExpect(status().isBadRequest());
    }

    @Test
    void aPanelShowsSeveralSavedReports() throws Exception {
        String first = mvc.perform(post("/crm/reports/custom").with(as("dora", tenant)).with(csrf()).param("name", "Por canal")
                .param("subject", "OPPORTUNITIES").param("groupings", "source").param("measures", "COUNT"))
                .andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(post("/crm/reports/custom").with(as("dora", tenant)).with(csrf()).param("name", "Abiertas")
                .param("subject", "OPPORTUNITIES").param("columns", "name", "amount", "owner")
                .param("filterField", "status").param("filterOperator", "EQ").param("filterValue", "OPEN"))
                .andReturn().getResponse().getRedirectedUrl();
        String panel = mvc.perform(post("/crm/reports/panels").with(as("dora", tenant)).with(csrf()).param("name", "Seguimiento")
                        .param("reportIds", id(first), id(second)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String html = page(panel, "dora");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-panel-0")).contains("Por canal", "data-chart=");
        assertThat(CustomerCardIntegrationTests.section(html, "figure-panel-1")).contains("Abiertas", "Obra Luna");
        assertThat(page("/crm/reports", "dora")).contains("Seguimiento", "Por canal", "Abiertas");
        String asRep = page("/crm/reports", "rep");
        assertThat(asRep).doesNotContain("Seguimiento", "Por canal", "data-testid=\"export-xlsx\"");
        mvc.perform(get("/crm/reports/standard/pipeline/export?format=csv").with(as("rep", tenant))).andExpect(status().isForbidden());
    }

    @Test
    void conditionalFormattingIsSavedWithTheReportAndMarksTheTablePanelAndSpreadsheet() throws Exception {
        String url = mvc.perform(post("/crm/reports/custom").with(as("dora", tenant)).with(csrf()).param("name", "Importe por comercial")
                        .param("subject", "OPPORTUNITIES").param("groupings", "owner", "", "").param("measures", "SUM:amount")
                        .param("formatKey", "sum_amount", "sum_amount", "").param("formatOperator", "GT", "LT", "")
                        .param("formatValue", "5.000", "4.500,50", "").param("formatHighlight", "GREEN", "RED", "BOLD"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var saved = asUser("dora", () -> reports.custom().get(UUID.fromString(id(url))));
        assertThat(saved.definition().formatting()).extracting(r -> r.key() + " " + r.operator() + " " + r.value() + " " + r.highlight())
                .containsExactly("sum_amount GT 5000 GREEN", "sum_amount LT 4500.50 RED");

        String figure = CustomerCardIntegrationTests.section(page(url, "dora"), "figure-custom");
        assertThat(figure).containsPattern("data-highlight=\"GREEN\"[^>]*>7.000,00\u00a0€<")
                .containsPattern("data-highlight=\"RED\"[^>]*>4.200,00\u00a0€<").contains("hl-green", "hl-red");
        assertThat(page(url + "/edit", "dora")).contains("data-testid=\"builder-formatting\"", "value=\"4500.50\"");

        byte[] xlsx = mvc.perform(get(url + "/export?format=xlsx").with(as("dora", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            java.util.Map<Double, Short> fills = new java.util.HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r).getCell(1);
                fills.put(cell.getNumericCellValue(), cell.getCellStyle().getFillForegroundColor());
            }
            assertThat(fills).containsEntry(7000.0, org.apache.poi.ss.usermodel.IndexedColors.LIGHT_GREEN.getIndex())
                    .containsEntry(4200.0, org.apache.poi.ss.usermodel.IndexedColors.CORAL.getIndex());
        }

        String panel = mvc.perform(post("/crm/reports/panels").with(as("dora", tenant)).with(csrf()).param("name", "Con colores")
                        .param("reportIds", id(url)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(CustomerCardIntegrationTests.section(page(panel, "dora"), "figure-panel-0")).contains("data-highlight=\"GREEN\"");

        String wrong = mvc.perform(post("/crm/reports/custom/preview").with(as("dora", tenant)).with(csrf())
                        .param("subject", "OPPORTUNITIES").param("groupings", "owner").param("measures", "COUNT")
                        .param("formatKey", "amount").param("formatOperator", "GT").param("formatValue", "1").param("formatHighlight", "RED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrong).contains("data-testid=\"form-errors\"");
    }

    @Test
    void tasksFromAReportWithoutADateAreDueTodaySoTheyShowOnTheTaskLists() throws Exception {
        String url = mvc.perform(post("/crm/reports/custom").with(as("mara", tenant)).with(csrf()).param("name", "Abiertas del equipo")
                        .param("subject", "OPPORTUNITIES").param("columns", "name", "amount")
                        .param("filterField", "status").param("filterOperator", "EQ").param("filterValue", "OPEN"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String today = LocalDate.now(ZoneId.of("Europe/Madrid")).toString();
        assertThat(page(url, "mara")).contains("data-testid=\"task-due\"").contains("value=\"" + today + "\"");

        mvc.perform(post(url + "/tasks").with(as("mara", tenant)).with(csrf()).param("type", "CALL").param("subject", "Llamar sin fecha"))
                .andExpect(status().is3xxRedirection());
        long created = jdbc.queryForObject("select count(*) from crm_activity where tenant_id = ? and subject = ?", Long.class,
                tenant, "Llamar sin fecha");
        long dated = jdbc.queryForObject("select count(*) from crm_activity where tenant_id = ? and subject = ? and due_at is not null",
                Long.class, tenant, "Llamar sin fecha");
        assertThat(created).isPositive().isEqualTo(dated);
        assertThat(asUser("mara", () -> cartera.activities().tasks(new dev.cartera.core.activity.TaskQuery(null, null, null),
                dev.cartera.core.common.PageRequest.first(50)).items().stream().filter(t -> t.subject().equals("Llamar sin fecha")).count()))
                .isEqualTo(created);
    }

    @Test
    void aMonthReadsAgainstTheSameMonthLastYearWithTheYearToDateByOfficeAndChannel() throws Exception {
        String byOffice = CustomerCardIntegrationTests.section(page("/crm/reports?report=same-month&measure=REVENUE_WON&dimension=OFFICE", "dora"),
                "figure-standard");
        assertThat(byOffice).contains("Mes frente al mismo mes del año anterior", "Este mes", "Mismo mes año anterior", "Variación del acumulado",
                "Madrid", "Valencia", "4.000,00\u00a0€", "3.000,00\u00a0€", "1.000,00\u00a0€");
        String byChannel = CustomerCardIntegrationTests.section(page("/crm/reports?report=same-month&measure=REVENUE_WON&dimension=SOURCE", "dora"),
                "figure-standard");
        assertThat(byChannel).contains("Web", "Teléfono");
        String lastYear = java.time.YearMonth.now(ZoneId.of("Europe/Madrid")).minusYears(1).toString();
        String aYearAgo = CustomerCardIntegrationTests.section(page("/crm/reports?report=same-month&measure=REVENUE_WON&period=month&month="
                + lastYear, "dora"), "figure-standard");
        assertThat(aYearAgo).contains("3.000,00\u00a0€");
        assertThat(page("/crm/reports?report=same-month", "dora")).contains("data-testid=\"standard-period\"");
        mvc.perform(get("/crm/reports/standard/same-month/export?format=xlsx&measure=REVENUE_WON&dimension=OFFICE").with(as("dora", tenant)))
                .andExpect(status().isOk());
    }

    private UUID deal(String user, String name, String amount, String source, boolean won) {
        return asUser(user, () -> {
            var d = cartera.opportunities().create(new OpportunityDraft(name, null, null, null, null, new BigDecimal(amount),
                    null, null, null, source, null, null));
            if (won) {
                cartera.opportunities().markWon(d.id(), null);
            }
            return d.id();
        });
    }

    /** Runs service calls as a signed-in user of the tenant, as the host's security would. */
    private <T> T asUser(String user, java.util.function.Supplier<T> work) {
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, "n/a",
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(UiTestApplication.TENANT_AUTHORITY + tenant)));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(user, tenant))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String id(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String kpi(String html, String testId) {
        int start = html.indexOf("data-testid=\"" + testId + "\"");
        assertThat(start).as(testId).isNotNegative();
        int end = html.indexOf("</div>", start);
        return html.substring(start, end);
    }

    /** The chart's data as the page carries it (HTML-unescaped). */
    private static String chart(String section) {
        Matcher m = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(section);
        assertThat(m.find()).as("a chart").isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }
}
