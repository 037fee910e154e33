package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Dashboards, standard and custom reports, panels, exports and bulk tasks over REST; each subclass
 * picks the database. Whatever the route (a shared definition, an export, a panel) a rep never
 * gets a row outside their own scope, and another tenant gets 404.
 */
@SpringBootTest(classes = ApiTestApplication.class)
@AutoConfigureMockMvc
abstract class ReportsApiScenarios {
    static final String API = "/crm/api/v1";
    /** Grouped by owner and stage: the shape a manager builds in the UI. */
    static final String BY_OWNER = "{\"subject\": \"OPPORTUNITIES\", \"groupings\": [\"owner\", \"stage\"],"
            + " \"measures\": [{\"aggregate\": \"COUNT\"}, {\"aggregate\": \"SUM\", \"field\": \"amount\"}]}";
    static final String LIST = "{\"subject\": \"OPPORTUNITIES\", \"columns\": [\"name\", \"amount\", \"owner\"],"
            + " \"sort\": [{\"key\": \"name\", \"descending\": false}]}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;

    @BeforeEach
    void firm() throws Exception {
        org = Organisation.create(cartera, "rep-" + UUID.randomUUID().toString().substring(0, 8));
        deal("rep", "Obra Sol", "1000");
        deal("rep", "Obra Luna", "250.5");
        deal("rep2", "Tienda Mar", "4000");
        deal("rep3", "Almacén Norte", "9000");
    }

    @Test
    void eachProfileGetsItsOwnDashboard() throws Exception {
        call("rep", get(API + "/dashboards/me")).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile").value("rep"))
                .andExpect(jsonPath("$.dashboard.openDeals.deals").value(2))
                .andExpect(jsonPath("$.dashboard.openDeals.amount").value(1250.5));
        call("manager", get(API + "/dashboards/me")).andExpect(jsonPath("$.profile").value("manager"))
                .andExpect(jsonPath("$.dashboard.reps.length()").value(2))
                .andExpect(jsonPath("$.dashboard.reps[*].name", Matchers.containsInAnyOrder("REP", "REP2")));
        call("admin", get(API + "/dashboards/me")).andExpect(jsonPath("$.profile").value("director"))
                .andExpect(jsonPath("$.dashboard.revenue.monthToDate").exists())
                .andExpect(jsonPath("$.dashboard.monthlyRevenue.series").isArray());
        // Asking for a wider board gives it at the caller's own level.
        call("rep", get(API + "/dashboards/manager")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reps.length()").value(1)).andExpect(jsonPath("$.reps[0].name").value("REP"));
        call("admin", get(API + "/dashboards/rep")).andExpect(jsonPath("$.openDeals.deals").value(4));
    }

    @Test
    void standardReportsTakeAPeriodADimensionAndAFormat() throws Exception {
        call("rep", get(API + "/reports/standard")).andExpect(jsonPath("$[?(@.name == 'win-rate')].dimension").value(true));
        call("admin", get(API + "/reports/standard/pipeline")).andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[*].key", Matchers.hasItems("stage", "deals", "amount", "weighted")))
                .andExpect(jsonPath("$.rows[0].cells[3]").value(4));
        call("rep", get(API + "/reports/standard/pipeline")).andExpect(jsonPath("$.rows[0].cells[3]").value(2));
        call("admin", get(API + "/reports/standard/monthly?measure=DEALS_CREATED&dimension=USER&period=ytd"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[*].cells[0]", Matchers.hasItems("REP", "REP3")));
        call("rep", get(API + "/reports/standard/monthly?measure=DEALS_CREATED&dimension=USER"))
                .andExpect(jsonPath("$.rows[*].cells[0]", Matchers.everyItem(Matchers.is("REP"))));
        call("rep", get(API + "/reports/standard/year-over-year?measure=REVENUE_WON&dimension=SOURCE&period=month&month=2024-02"))
                .andExpect(status().isOk());
        call("rep", get(API + "/reports/standard/win-rate?period=custom&from=2026-01-01&to=2026-03-31&dimension=OFFICE"))
                .andExpect(status().isOk());

        call("rep", get(API + "/reports/standard/pipeline?format=csv")).andExpect(ApiScenarios.problem(403, "access.denied"));
        String csv = call("manager", get(API + "/reports/standard/pipeline?format=csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"pipeline.csv\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("5250.5");
        byte[] xlsx = call("manager", get(API + "/reports/standard/sources?format=xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        call("manager", get(API + "/reports/standard/pipeline?format=docx")).andExpect(status().isUnprocessableContent());
        call("rep", get(API + "/reports/standard/pipeline-of-dreams")).andExpect(ApiScenarios.problem(404, "record.not-found"));
        call("rep", get(API + "/reports/standard/win-rate?dimension=PRODUCT")).andExpect(status().isUnprocessableContent());
        call("rep", get(API + "/reports/standard/funnel?period=fortnight")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aSharedDefinitionRunsInEachCallersScopeAndStaysInItsTenant() throws Exception {
        call("rep", get(API + "/reports/fields")).andExpect(jsonPath("$[?(@.subject == 'OPPORTUNITIES')].fields[*].key",
                Matchers.hasItems("stage", "owner", "amount")));
        String id = save("manager", "Por comercial y fase", BY_OWNER, true);
        call("manager", get(API + "/reports/" + id + "/run")).andExpect(status().isOk())
                .andExpect(jsonPath("$.table.rows[*].cells[0]", Matchers.containsInAnyOrder("REP", "REP2")));
        call("rep", get(API + "/reports/" + id + "/run"))
                .andExpect(jsonPath("$.table.rows.length()").value(1))
                .andExpect(jsonPath("$.table.rows[0].cells[0]").value("REP"))
                .andExpect(jsonPath("$.table.rows[0].cells[2]").value(2));
        call("rep3", get(API + "/reports/" + id + "/run")).andExpect(jsonPath("$.table.rows[*].cells[0]", Matchers.contains("REP3")));
        call("admin", get(API + "/reports/" + id + "/run")).andExpect(jsonPath("$.table.rows.length()").value(3));

        String listed = save("manager", "Oportunidades", LIST, true);
        // Exporting needs the export permission on reports (not a rep's); a manager's file holds the team only.
        call("rep", get(API + "/reports/" + listed + "/export?format=csv")).andExpect(ApiScenarios.problem(403, "access.denied"));
        String csv = call("manager", get(API + "/reports/" + listed + "/export?format=csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"oportunidades.csv\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Obra Sol", "Obra Luna", "Tienda Mar").doesNotContain("Almacén Norte");
        byte[] pdf = call("manager", get(API + "/reports/" + listed + "/run?format=pdf"))
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

        String mine = save("manager", "Solo mío", LIST, false);
        call("rep", get(API + "/reports/" + mine)).andExpect(ApiScenarios.problem(404, "record.not-found"));
        call("rep", get(API + "/reports")).andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("Solo mío"))));
        call("rep", put(API + "/reports/" + id).content("{\"name\": \"Mío\", \"shared\": true, \"definition\": " + LIST + "}"))
                .andExpect(ApiScenarios.problem(403, "access.denied"));
        call("manager", put(API + "/reports/" + id).content("{\"name\": \"Por comercial\", \"shared\": true, \"definition\": " + BY_OWNER + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Por comercial")).andExpect(jsonPath("$.version").value(1));

        Organisation other = Organisation.create(cartera, "oth-" + UUID.randomUUID().toString().substring(0, 8));
        for (String path : List.of("/reports/" + id, "/reports/" + id + "/run", "/reports/" + id + "/export?format=csv")) {
            mvc.perform(get(API + path).with(user("admin")).header(ApiTestApplication.TENANT_HEADER, other.tenant()))
                    .andExpect(ApiScenarios.problem(404, "record.not-found"));
        }
        mvc.perform(post(API + "/reports/" + id + "/tasks").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, other.tenant())
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"CALL\", \"subject\": \"Llamar\"}"))
                .andExpect(ApiScenarios.problem(404, "record.not-found"));

        call("manager", delete(API + "/reports/" + mine)).andExpect(status().isNoContent());
        call("manager", get(API + "/reports/" + mine)).andExpect(status().isNotFound());
    }

    @Test
    void adHocRunsAreValidatedAgainstTheWhitelist() throws Exception {
        call("rep", post(API + "/reports/run").content(LIST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.table.rows.length()").value(2)).andExpect(jsonPath("$.recordIds.length()").value(2));
        call("rep", post(API + "/reports/run").content("{\"subject\": \"OPPORTUNITIES\", \"columns\": [\"password\"]}"))
                .andExpect(status().isUnprocessableContent());
        call("rep", post(API + "/reports/run").content("{\"subject\": \"OPPORTUNITIES\", \"groupings\": [\"owner\", \"stage\", \"source\", \"status\"],"
                + " \"measures\": [{\"aggregate\": \"COUNT\"}]}")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aTaskForEachRowOfAReportOnlyReachesTheCallersRecords() throws Exception {
        String id = save("manager", "Por comercial y fase", BY_OWNER, true);
        call("rep", post(API + "/reports/" + id + "/tasks").content("{\"type\": \"CALL\", \"subject\": \"Llamar para cerrar\","
                + " \"dueAt\": \"2030-01-15T10:00:00Z\", \"assignToRecordOwner\": true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(2));
        call("manager", post(API + "/reports/tasks").content("{\"type\": \"EMAIL\", \"subject\": \"Enviar catálogo\", \"definition\": " + LIST + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(3));
        call("rep", post(API + "/reports/" + id + "/tasks").content("{\"subject\": \"Sin tipo\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void panelsShowSeveralReportsInTheCallersScope() throws Exception {
        String a = save("manager", "Por comercial y fase", BY_OWNER, true);
        String b = save("manager", "Oportunidades", LIST, true);
        String panel = JsonPath.read(call("manager", post(API + "/reports/panels").content(
                "{\"name\": \"Seguimiento\", \"shared\": true, \"reports\": [\"" + a + "\", \"" + b + "\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", get(API + "/reports/panels")).andExpect(jsonPath("$[*].name", Matchers.contains("Seguimiento")));
        call("rep", get(API + "/reports/panels/" + panel)).andExpect(jsonPath("$.reports.length()").value(2))
                .andExpect(jsonPath("$.reports[1].table.rows.length()").value(2));
        call("manager", get(API + "/reports/panels/" + panel)).andExpect(jsonPath("$.reports[1].table.rows.length()").value(3));
    }

    private String save(String user, String name, String definition, boolean shared) throws Exception {
        return JsonPath.read(call(user, post(API + "/reports").content("{\"name\": \"" + name + "\", \"shared\": " + shared
                + ", \"definition\": " + definition + "}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void deal(String user, String name, String amount) throws Exception {
        call(user, post(API + "/opportunities").content("{\"name\": \"" + name + "\", \"amount\": " + amount + ", \"source\": \"web\"}"))
                .andExpect(status().isCreated());
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username)).header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON));
    }
}
