package dev.cartera.spring.api;

import static dev.cartera.spring.api.ApiScenarios.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.startsWith;
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
import dev.cartera.rules.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 5 over HTTP: an admin writes assignment rules as JSON, validates them (errors by rule name), activates,
 * simulates (nothing written), rolls back and reads the history; reps and other tenants are kept out. Each
 * subclass picks the database; every test works in a fresh tenant of its own.
 */
@SpringBootTest(classes = ApiTestApplication.class)
@AutoConfigureMockMvc
abstract class RulesApiScenarios {
    static final String API = ApiScenarios.API;

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;
    @Autowired
    JdbcTemplate jdbc;

    Organisation org;
    String teamA;
    String teamB;

    @BeforeEach
    void freshTenant() throws Exception {
        org = Organisation.create(cartera, "rules-" + UUID.randomUUID().toString().substring(0, 8));
        teamA = JsonPath.read(call("admin", get(API + "/users/" + org.rep())).andReturn().getResponse().getContentAsString(), "$.teamId");
        teamB = JsonPath.read(call("admin", get(API + "/users/" + org.rep3())).andReturn().getResponse().getContentAsString(), "$.teamId");
    }

    @Test
    void anAdminWritesActivatesAndRollsBackAssignmentRulesAndTheNextLeadFollowsThem() throws Exception {
        call("admin", get(API + "/rules/sets")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind").value(contains("ASSIGNMENT", "AUTOMATION")))
                .andExpect(jsonPath("$[0].activeVersionId").doesNotExist())
                .andExpect(jsonPath("$[0].versions").value(0));

        String v1 = create(catalunyaRules(teamA, org.rep3().toString()));
        call("admin", post(API + "/rules/versions/" + v1 + "/validate")).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        call("admin", post(API + "/rules/versions/" + v1 + "/activate")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.activatedBy").value("admin"));

        String barcelona = createLead("{\"companyName\": \"Bar Montjuïc\", \"province\": \"Barcelona\", \"source\": \"web\"}");
        String madrid = createLead("{\"companyName\": \"Casa Pepe\", \"province\": \"Madrid\", \"source\": \"web\"}");
        assertThat(ownerOf(barcelona)).isIn(org.rep().toString(), org.rep2().toString());
        assertThat(ownerOf(madrid)).isEqualTo(org.rep3().toString());
        call("admin", get(API + "/rules/history/" + barcelona)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ruleName").value("Catalunya web"))
                .andExpect(jsonPath("$[0].versionId").value(v1));
        call("admin", get(API + "/rules/history").param("size", "1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.totalPages").value(2));

        String v2 = create("""
                {"assignment": [{"name": "Todo a rep2", "criteria": [], "assignTo": {"kind": "USER", "userId": "%s"}}],
                 "comment": "second"}""".formatted(org.rep2()));
        call("admin", post(API + "/rules/versions/" + v2 + "/activate")).andExpect(status().isOk());
        call("admin", get(API + "/rules/sets/assignment/versions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].status").value(contains("ACTIVE", "ARCHIVED")))
                .andExpect(jsonPath("$.items[0].id").value(v2));
        assertThat(ownerOf(createLead("{\"companyName\": \"Fonda Girona\", \"province\": \"Girona\", \"source\": \"web\"}")))
                .isEqualTo(org.rep2().toString());

        call("admin", post(API + "/rules/sets/ASSIGNMENT/rollback")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(v1))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        call("admin", get(API + "/rules/sets")).andExpect(jsonPath("$[0].activeVersionId").value(v1))
                .andExpect(jsonPath("$[0].archived").value(1));
        call("admin", get(API + "/rules/sets/assignment/versions").param("status", "ARCHIVED"))
                .andExpect(jsonPath("$.items[*].id").value(contains(v2)));
        assertThat(ownerOf(createLead("{\"companyName\": \"Forn Sants\", \"province\": \"Barcelona\", \"source\": \"web\"}")))
                .isIn(org.rep().toString(), org.rep2().toString());
    }

    @Test
    void invalidRulesAreReportedByRuleNameAndNeverGoLive() throws Exception {
        String good = create(catalunyaRules(teamA, org.rep3().toString()));
        call("admin", post(API + "/rules/versions/" + good + "/activate")).andExpect(status().isOk());
        String bad = create("""
                {"assignment": [
                  {"name": "Planetas", "criteria": [{"field": "planet", "operator": "EQUALS", "values": ["Marte"]}],
                   "assignTo": {"kind": "USER", "userId": "%s"}},
                  {"name": "Entre nada", "criteria": [{"field": "postcode", "operator": "BETWEEN", "values": ["08000"]}],
                   "assignTo": {"kind": "ROUND_ROBIN", "teamId": "%s"}}]}""".formatted(org.rep(), teamA));

        call("admin", post(API + "/rules/versions/" + bad + "/validate"))
                .andExpect(problem(422, "rules.invalid"))
                .andExpect(jsonPath("$.errors[*].rule").value(hasItem("Planetas")))
                .andExpect(jsonPath("$.errors[*].rule").value(hasItem("Entre nada")))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty())
                // Spanish unless the request asks otherwise: code and args for programs, a message for people
                .andExpect(jsonPath("$.detail").value("Las reglas no se pueden activar: hay 3 problemas, indicados por nombre de regla."))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-field"))
                .andExpect(jsonPath("$.errors[0].args[0]").value("planet"))
                .andExpect(jsonPath("$.errors[0].args[1]").value("LEAD"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("El campo «planet» no existe para «Lead». Se puede usar: ")))
                .andExpect(jsonPath("$.errors[1].rule").value("Entre nada"))
                .andExpect(jsonPath("$.errors[1].code").value("two-values-expected"))
                .andExpect(jsonPath("$.errors[1].args").value(contains("BETWEEN", "postcode", 1)))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("«Código postal está entre» necesita dos valores (desde, hasta) y tiene 1."));
        call("admin", post(API + "/rules/versions/" + bad + "/validate").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))
                .andExpect(problem(422, "rules.invalid"))
                .andExpect(jsonPath("$.detail").value("The rules cannot go live: 3 problems, listed by rule name."))
                .andExpect(jsonPath("$.errors[1].code").value("two-values-expected"))
                .andExpect(jsonPath("$.errors[1].message").value("“Postcode is between” takes two values (from, to) and has 1."))
                .andExpect(jsonPath("$.errors[1].reason").value("“Postcode is between” takes two values (from, to) and has 1."));
        call("admin", post(API + "/rules/versions/" + bad + "/activate"))
                .andExpect(problem(422, "rules.invalid"))
                .andExpect(jsonPath("$.errors[*].rule").value(hasItem("Planetas")));
        call("admin", get(API + "/rules/sets")).andExpect(jsonPath("$[0].activeVersionId").value(good));
        call("admin", get(API + "/rules/versions/" + bad)).andExpect(jsonPath("$.status").value("DRAFT"));

        call("admin", post(API + "/rules/sets/assignment/versions").content("{\"assignment\": \"not a list\"}"))
                .andExpect(problem(400, "request.body.unreadable"));
        call("admin", post(API + "/rules/sets/nonsense/versions").content("{}"))
                .andExpect(problem(400, "request.parameter.invalid"));
    }

    @Test
    void draftsChangeUnderIfMatchAndLiveVersionsNever() throws Exception {
        ResultActions created = call("admin", post(API + "/rules/sets/ASSIGNMENT/versions").content(catalunyaRules(teamA, org.rep3().toString())))
                .andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.LOCATION))
                .andExpect(header().exists(HttpHeaders.ETAG));
        String id = JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
        String etag = created.andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        String location = created.andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).endsWith("/crm/api/v1/rules/versions/" + id);

        String edited = """
                {"assignment": [{"name": "Solo rep", "criteria": [], "assignTo": {"kind": "USER", "userId": "%s"}}], "comment": "edit"}"""
                .formatted(org.rep());
        call("admin", put(API + "/rules/versions/" + id).header(HttpHeaders.IF_MATCH, "\"999\"").content(edited))
                .andExpect(problem(412, "record.version.conflict"));
        String newTag = call("admin", put(API + "/rules/versions/" + id).header(HttpHeaders.IF_MATCH, etag).content(edited))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.assignment[0].name").value("Solo rep"))
                .andExpect(jsonPath("$.comment").value("edit"))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(newTag).isNotEqualTo(etag);

        call("admin", post(API + "/rules/versions/" + id + "/activate")).andExpect(status().isOk());
        call("admin", put(API + "/rules/versions/" + id).content(edited)).andExpect(problem(409, "rules.version.not-draft"));
    }

    @Test
    void theSimulatorPredictsOwnersAndWritesNothing() throws Exception {
        String v1 = create(catalunyaRules(teamA, org.rep3().toString()));
        // Real leads to simulate over, created before any rule is live (they keep their creator's choice).
        call("rep", post(API + "/leads").content("{\"companyName\": \"Hotel Girona\", \"province\": \"Girona\", \"source\": \"web\"}"))
                .andExpect(status().isCreated());
        call("rep", post(API + "/leads").content("{\"companyName\": \"Bodega Jaén\", \"province\": \"Jaén\", \"source\": \"phone\"}"))
                .andExpect(status().isCreated());
        Map<String, Long> before = footprint();

        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").content("""
                {"leads": [
                  {"companyName": "Uno", "province": "Barcelona", "source": "web"},
                  {"companyName": "Dos", "province": "Girona", "source": "WEB "},
                  {"companyName": "Tres", "province": "Barcelona", "source": "phone"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ASSIGNMENT"))
                .andExpect(jsonPath("$.records", hasSize(3)))
                .andExpect(jsonPath("$.records[0].decidedBy").value("Catalunya web"))
                .andExpect(jsonPath("$.records[1].decidedBy").value("Catalunya web"))
                // round-robin advances in memory: two leads in a row go to both reps of the team
                .andExpect(jsonPath("$.records[0:2].assigneeUsername").value(containsInAnyOrder("rep", "rep2")))
                .andExpect(jsonPath("$.records[2].decidedBy").value("Resto"))
                .andExpect(jsonPath("$.records[2].assigneeUsername").value("rep3"))
                .andExpect(jsonPath("$.records[2].matchedRules").value(contains("Resto")))
                .andExpect(jsonPath("$.records[0].reasons[0].code").value("rule-matched"))
                .andExpect(jsonPath("$.records[0].reasons[0].args[0]").value("Catalunya web"))
                .andExpect(jsonPath("$.records[0].reasons[0].args[1][0].field").value("province"))
                .andExpect(jsonPath("$.records[0].reasons[0].message")
                        .value("Se cumple la regla «Catalunya web»: Provincia es uno de Barcelona, Girona y Origen es igual a web."))
                .andExpect(jsonPath("$.records[2].reasons[*].code").value(contains("fallback-matched", "fixed-user")))
                .andExpect(jsonPath("$.records[2].reasons[1].args").value(contains("REP3")))
                .andExpect(jsonPath("$.records[2].reasons[*].message").value(contains(
                        "Se aplica la regla de reserva «Resto» (sin criterios).", "Para REP3, como indica la regla.")));
        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.8,es;q=0.5")
                .content("{\"leads\": [{\"companyName\": \"Tres\", \"province\": \"Barcelona\", \"source\": \"web\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].reasons[0].code").value("rule-matched"))
                .andExpect(jsonPath("$.records[0].reasons[0].message")
                        .value("Rule “Catalunya web” matches: Province is one of Barcelona, Girona and Source equals web."));
        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").header(HttpHeaders.ACCEPT_LANGUAGE, "ca")
                .content("{\"leads\": [{\"companyName\": \"Tres\", \"province\": \"Lugo\", \"source\": \"web\"}]}"))
                .andExpect(jsonPath("$.records[0].reasons[0].message").value("S’aplica la regla de reserva «Resto» (sense criteris)."));
        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").content("{\"filter\": {\"source\": \"web\"}, \"limit\": 50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[*].label").value(contains("Hotel Girona")))
                .andExpect(jsonPath("$.records[0].decidedBy").value("Catalunya web"));
        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").content("{\"limit\": 50}"))
                .andExpect(jsonPath("$.records", hasSize(2)));
        call("admin", post(API + "/rules/versions/" + v1 + "/simulate").content("{\"limit\": 0}"))
                .andExpect(problem(422, "validation.failed"));

        assertThat(footprint()).isEqualTo(before);
        call("admin", get(API + "/rules/versions/" + v1)).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void automationRulesAreWrittenAndSimulatedOnTypedRecords() throws Exception {
        String v = JsonPath.read(call("admin", post(API + "/rules/sets/automation/versions").content("""
                {"automation": [{"name": "Llamar al lead nuevo", "trigger": "LEAD_CREATED",
                  "criteria": [{"field": "source", "operator": "EQUALS", "values": ["web"]}],
                  "actions": [{"kind": "CREATE_TASK", "taskType": "CALL", "title": "Llamar a {name}", "dueInDays": 2,
                               "assignee": {"kind": "RECORD_OWNER"}}]}]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        Map<String, Long> before = footprint();

        call("admin", post(API + "/rules/versions/" + v + "/simulate").content("""
                {"samples": [{"label": "Muestra web", "trigger": "LEAD_CREATED", "fields": {"source": "web", "name": "Bar Sol"},
                              "ownerId": "%s"},
                             {"label": "Muestra feria", "trigger": "LEAD_CREATED", "fields": {"source": "event"}, "ownerId": "%s"}]}"""
                .formatted(org.rep(), org.rep())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("AUTOMATION"))
                .andExpect(jsonPath("$.records[0].matchedRules").value(contains("Llamar al lead nuevo")))
                .andExpect(jsonPath("$.records[0].actions[0].kind").value("CREATE_TASK"))
                .andExpect(jsonPath("$.records[0].actions[0].userId").value(org.rep().toString()))
                .andExpect(jsonPath("$.records[0].actions[0].detail.code").value("task-planned"))
                .andExpect(jsonPath("$.records[0].actions[0].detail.args[0]").value("CALL"))
                .andExpect(jsonPath("$.records[0].actions[0].description")
                        .value("Llamada: «Llamar a Bar Sol», para REP. Para el propietario del registro, REP."))
                .andExpect(jsonPath("$.records[1].matchedRules", hasSize(0)));
        call("admin", post(API + "/rules/versions/" + v + "/simulate").content("{\"samples\": [{\"label\": \"x\"}]}"))
                .andExpect(problem(422, "validation.failed"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void theMetadataListsEveryTriggerOperatorAndLeadFieldFromTheModule() throws Exception {
        call("admin", get(API + "/rules/metadata")).andExpect(status().isOk())
                .andExpect(jsonPath("$.triggers[*].name").value(contains(Arrays.stream(Trigger.values()).map(Enum::name).toArray())))
                .andExpect(jsonPath("$.triggers[?(@.name == 'DEAL_STUCK')].timer").value(contains(true)))
                .andExpect(jsonPath("$.operators").value(contains("EQUALS", "IN", "CONTAINS", "BETWEEN", "IS_EMPTY")))
                .andExpect(jsonPath("$.leadFields").value(hasItem("province")))
                .andExpect(jsonPath("$.assigneeKinds").value(hasItem("ROUND_ROBIN")));
    }

    @Test
    void repsAreForbiddenAndRawDrlNeedsItsOwnPermission() throws Exception {
        call("rep", get(API + "/rules/sets")).andExpect(problem(403, "access.denied"));
        call("manager", get(API + "/rules/metadata")).andExpect(problem(403, "access.denied"));
        call("rep", post(API + "/rules/sets/ASSIGNMENT/versions").content(catalunyaRules(teamA, org.rep3().toString())))
                .andExpect(problem(403, "access.denied"));
        call("rep", get(API + "/rules/history")).andExpect(problem(403, "access.denied"));
        call("admin", post(API + "/rules/sets/ASSIGNMENT/versions").content("""
                {"assignment": [{"name": "Resto", "criteria": [], "assignTo": {"kind": "USER", "userId": "%s"}}],
                 "rawDrl": "rule \\"x\\" when then System.exit(0); end"}""".formatted(org.rep())))
                .andExpect(problem(403, "rules.raw-drl.forbidden"));
        call("admin", get(API + "/rules/sets")).andExpect(jsonPath("$[0].versions").value(0));
        mvc.perform(get(API + "/rules/sets").header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(problem(401, "access.unauthenticated"));
    }

    @Test
    void anotherTenantNeitherSeesNorActivatesTheseRules() throws Exception {
        String v1 = create(catalunyaRules(teamA, org.rep3().toString()));
        Organisation other = Organisation.create(cartera, org.tenant() + "-b");

        as(other, "admin", get(API + "/rules/versions/" + v1)).andExpect(problem(404, "record.not-found"));
        as(other, "admin", post(API + "/rules/versions/" + v1 + "/activate")).andExpect(problem(404, "record.not-found"));
        as(other, "admin", post(API + "/rules/versions/" + v1 + "/simulate").content("{\"limit\": 5}"))
                .andExpect(problem(404, "record.not-found"));
        as(other, "admin", get(API + "/rules/sets")).andExpect(jsonPath("$[0].versions").value(0));
        as(other, "admin", post(API + "/rules/sets/ASSIGNMENT/rollback")).andExpect(status().is4xxClientError());
        call("admin", get(API + "/rules/versions/" + v1)).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void absencesHandTasksOverAndBack() throws Exception {
        call("admin", put(API + "/users/" + org.rep() + "/absence").content("{\"from\": \"2020-01-01\", \"until\": \"2099-12-31\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        call("admin", get(API + "/users/" + org.rep())).andExpect(jsonPath("$.absentFrom").value("2020-01-01"));
        call("rep2", put(API + "/users/" + org.rep() + "/absence").content("{\"from\": \"2020-01-01\"}"))
                .andExpect(problem(403, "access.denied"));
        call("admin", put(API + "/users/" + org.rep() + "/absence").content("{\"until\": \"2020-01-01\"}"))
                .andExpect(problem(422, "validation.failed"));
        call("admin", delete(API + "/users/" + org.rep() + "/absence")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        call("admin", get(API + "/users/" + org.rep())).andExpect(jsonPath("$.absentFrom").doesNotExist());
        call("rep", get(API + "/users/" + org.rep() + "/handovers")).andExpect(status().isOk());
        call("rep", post(API + "/users/" + org.rep() + "/handovers/keep")).andExpect(status().isNoContent());
    }

    private String create(String body) throws Exception {
        return JsonPath.read(call("admin", post(API + "/rules/sets/ASSIGNMENT/versions").content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String createLead(String body) throws Exception {
        return JsonPath.read(call("admin", post(API + "/leads").content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String ownerOf(String lead) throws Exception {
        return JsonPath.read(call("admin", get(API + "/leads/" + lead)).andReturn().getResponse().getContentAsString(), "$.ownerId");
    }

    /** Row counts and row versions of the tables a simulation could touch. */
    private Map<String, Long> footprint() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("crm_lead", "crm_rule_execution", "crm_rule_rotation", "crm_rule_set", "crm_rule_set_version",
                "crm_activity", "crm_alert", "crm_audit")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, org.tenant()));
        }
        for (String table : List.of("crm_lead", "crm_rule_rotation", "crm_rule_set_version", "crm_user")) {
            counts.put(table + ".versions", jdbc.queryForObject("select coalesce(sum(version), 0) from " + table + " where tenant_id = ?",
                    Long.class, org.tenant()));
        }
        return counts;
    }

    static String catalunyaRules(String team, String fallbackUser) {
        return """
                {"assignment": [
                  {"name": "Catalunya web",
                   "criteria": [{"field": "province", "operator": "IN", "values": ["Barcelona", "Girona"]},
                                {"field": "source", "operator": "EQUALS", "values": ["web"]}],
                   "assignTo": {"kind": "ROUND_ROBIN", "teamId": "%s"}},
                  {"name": "Resto", "criteria": [], "assignTo": {"kind": "USER", "userId": "%s"}}],
                 "comment": "Catalunya"}""".formatted(team, fallbackUser);
    }

    ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return as(org, username, request);
    }

    ResultActions as(Organisation o, String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username))
                .header(ApiTestApplication.TENANT_HEADER, o.tenant())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON));
    }
}
