package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The API as a client sees it, through the whole Spring MVC and Spring Security stack down to a real
 * database; each subclass picks the database. Every test works in a fresh tenant of its own.
 */
@SpringBootTest(classes = ApiTestApplication.class)
@AutoConfigureMockMvc
abstract class ApiScenarios {
    static final String API = "/crm/api/v1";
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;

    @BeforeEach
    void freshTenant() {
        org = Organisation.create(cartera, "api-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void createsLeadWithLocationAndETagAndReadsItBack() throws Exception {
        MvcResult created = call("rep", post(API + "/leads").content("""
                {"firstName": "Ana", "lastName": "García", "companyName": "Frutas Ana SL", "email": "Ana@FrutasAna.es",
                 "phone": "+34 600 123 456", "taxId": "12345678-z", "source": "web"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.firstName").value("Ana"))
                .andExpect(jsonPath("$.lastName").value("García"))
                .andExpect(jsonPath("$.companyName").value("Frutas Ana SL"))
                .andExpect(jsonPath("$.email").value("ana@frutasana.es"))
                .andExpect(jsonPath("$.phone").value(not(nullValue())))
                .andExpect(jsonPath("$.taxId").value("12345678Z"))
                .andExpect(jsonPath("$.source").value("web"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.ownerId").value(org.rep().toString()))
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).endsWith(API + "/leads/" + id);
        String etag = created.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"\\d+\"");

        call("rep", get(location))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.companyName").value("Frutas Ana SL"));
        call("rep", get(location).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void aUserOfAnotherTenantDoesNotFindTheLead() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");
        Organisation other = Organisation.create(cartera, org.tenant() + "-b");

        mvc.perform(get(API + "/leads/" + lead).with(user("rep")).header(ApiTestApplication.TENANT_HEADER, other.tenant()))
                .andExpect(problem(404, "record.not-found"));
        mvc.perform(get(API + "/leads").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, other.tenant()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aRepDoesNotFindAnotherRepsLeadButTheirManagerDoes() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");

        call("rep2", get(API + "/leads/" + lead)).andExpect(problem(404, "record.not-found"));
        call("rep3", get(API + "/leads/" + lead)).andExpect(problem(404, "record.not-found"));
        call("rep3", put(API + "/leads/" + lead).content("{\"companyName\": \"Hijacked SL\"}"))
                .andExpect(problem(404, "record.not-found"));
        call("manager", get(API + "/leads/" + lead)).andExpect(status().isOk());
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        call("rep", post(API + "/leads").content("{\"firstName\": \"Ana\", "))
                .andExpect(problem(400, "request.body.unreadable"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.instance").value(API + "/leads"));
        call("rep", post(API + "/activities").content("{\"type\": \"TELEPATHY\", \"subject\": \"x\"}"))
                .andExpect(problem(400, "request.body.unreadable"));
        mvc.perform(post(API + "/leads").with(user("rep")).header(ApiTestApplication.TENANT_HEADER, org.tenant())
                        .contentType(MediaType.TEXT_PLAIN).content("Ana"))
                .andExpect(problem(415, "media-type.unsupported"));
    }

    @Test
    void invalidLeadsAre422ProblemsNamingTheField() throws Exception {
        call("rep", post(API + "/leads").content("{\"source\": \"web\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("named"))
                .andExpect(jsonPath("$.errors[0].code").value("validation.AssertTrue"));
        call("rep", post(API + "/leads").content("{\"companyName\": \"Frutas Ana SL\", \"email\": \"not-an-email\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].code").value("validation.Email"));
        call("rep", post(API + "/leads").content("{\"companyName\": \"Frutas Ana SL\", \"taxId\": \"12345678A\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("taxId"))
                .andExpect(jsonPath("$.errors[0].code").value("taxid.check-letter"));
        call("rep", get(API + "/leads")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void ifMatchGuardsUpdatesAgainstLostChanges() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");
        String etag = call("rep", get(API + "/leads/" + lead)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        call("rep", put(API + "/leads/" + lead).header(HttpHeaders.IF_MATCH, "\"99\"").content("{\"companyName\": \"Late SL\"}"))
                .andExpect(problem(412, "record.version.conflict"));
        call("rep", put(API + "/leads/" + lead).header(HttpHeaders.IF_MATCH, "\"abc\"").content("{\"companyName\": \"Late SL\"}"))
                .andExpect(problem(412, "record.version.conflict"));
        String newEtag = call("rep", put(API + "/leads/" + lead).header(HttpHeaders.IF_MATCH, etag)
                        .content("{\"companyName\": \"Frutas Ana y Hermanos SL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companyName").value("Frutas Ana y Hermanos SL"))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(newEtag).isNotEqualTo(etag);

        call("rep", post(API + "/leads/" + lead + "/status").header(HttpHeaders.IF_MATCH, etag).content("{\"status\": \"CONTACTED\"}"))
                .andExpect(problem(412, "record.version.conflict"));
        call("rep", post(API + "/leads/" + lead + "/status").header(HttpHeaders.IF_MATCH, "W/" + newEtag).content("{\"status\": \"CONTACTED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONTACTED"));
        call("rep", put(API + "/leads/" + lead).header(HttpHeaders.IF_MATCH, "\"1\", \"2\"").content("{\"companyName\": \"X\"}"))
                .andExpect(problem(400, "header.if-match.invalid"));
    }

    @Test
    void disqualifyingNeedsAReasonAndAFinalStatusIsAConflict() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");

        call("rep", post(API + "/leads/" + lead + "/status").content("{\"status\": \"DISQUALIFIED\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("rep", post(API + "/leads/" + lead + "/status").content("{}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call("rep", post(API + "/leads/" + lead + "/status").content("{\"status\": \"DISQUALIFIED\", \"reason\": \"Duplicate\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disqualifyReason").value("Duplicate"));
        call("rep", post(API + "/leads/" + lead + "/status").content("{\"status\": \"CONTACTED\"}"))
                .andExpect(problem(409, "lead.status.final"));
    }

    @Test
    void assigningIsForManagersAndARepIsForbidden() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");

        call("rep", post(API + "/leads/" + lead + "/assign").content("{\"ownerId\": \"" + org.rep2() + "\"}"))
                .andExpect(problem(403, "access.denied"));
        call("manager", post(API + "/leads/" + lead + "/assign").content("{\"ownerId\": \"" + org.rep2() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(org.rep2().toString()));
        call("rep2", get(API + "/leads/" + lead)).andExpect(status().isOk());
    }

    @Test
    void convertingALeadMakesAccountContactAndDealThatRememberIt() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");

        MvcResult converted = call("rep", post(API + "/leads/" + lead + "/convert"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadId").value(lead))
                .andExpect(jsonPath("$.accountId").isNotEmpty())
                .andExpect(jsonPath("$.contactId").isNotEmpty())
                .andExpect(jsonPath("$.opportunityId").isNotEmpty())
                .andReturn();
        String body = converted.getResponse().getContentAsString();
        String account = JsonPath.read(body, "$.accountId");
        String contact = JsonPath.read(body, "$.contactId");
        String opportunity = JsonPath.read(body, "$.opportunityId");

        call("rep", get(API + "/accounts/" + account + "/card"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account.name").value("Frutas Ana SL"))
                .andExpect(jsonPath("$.account.originLeadId").value(lead))
                .andExpect(jsonPath("$.originLead.id").value(lead))
                .andExpect(jsonPath("$.originLead.status").value("CONVERTED"))
                .andExpect(jsonPath("$.contacts[0].id").value(contact))
                .andExpect(jsonPath("$.opportunities[0].id").value(opportunity))
                .andExpect(jsonPath("$.opportunities[0].originLeadId").value(lead))
                .andExpect(jsonPath("$.timeline[*].kind", hasItem("lead.created")));
        call("rep", get(API + "/accounts/" + account + "/contacts"))
                .andExpect(jsonPath("$[0].originLeadId").value(lead));
        call("rep", post(API + "/leads/" + lead + "/convert")).andExpect(problem(409, "lead.status.final"));
        String personLead = createLead("rep", "Pedro Sol");
        call("rep", post(API + "/leads/" + personLead + "/convert").content("{\"createOpportunity\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").isNotEmpty())
                .andExpect(jsonPath("$.opportunityId").value(nullValue()));
        call("rep3", get(API + "/accounts/" + account + "/card")).andExpect(problem(404, "record.not-found"));
    }

    @Test
    void opportunitiesMoveThroughStagesAndAreWonOrLostWithAReason() throws Exception {
        MvcResult pipelines = call("rep", get(API + "/pipelines"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].defaultPipeline").value(true))
                .andReturn();
        List<String> stages = JsonPath.read(pipelines.getResponse().getContentAsString(), "$[0].stages[*].id");
        String lostStage = JsonPath.read(pipelines.getResponse().getContentAsString(), "$[0].stages[4].id");

        String won = createOpportunity("Naranjas 2026");
        call("rep", post(API + "/opportunities/" + won + "/stage").content("{\"stageId\": \"" + stages.get(1) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stageId").value(stages.get(1)))
                .andExpect(jsonPath("$.probability").value(40));
        call("rep", post(API + "/opportunities/" + won + "/lost").content("{}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("rep", post(API + "/opportunities/" + won + "/won"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WON"))
                .andExpect(header().exists(HttpHeaders.ETAG));
        call("rep", post(API + "/opportunities/" + won + "/lost").content("{\"reason\": \"Price\"}"))
                .andExpect(problem(409, "opportunity.closed"));
        call("rep", get(API + "/opportunities/" + won + "/history"))
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].fromStageId").value(nullValue()))
                .andExpect(jsonPath("$[2].changedBy").value("rep"));

        String lost = createOpportunity("Limones 2026");
        call("rep", post(API + "/opportunities/" + lost + "/stage").content("{\"stageId\": \"" + lostStage + "\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("lostReason"));
        call("rep", post(API + "/opportunities/" + lost + "/lost").content("{\"reason\": \"Chose a competitor\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].code").value("lost-reason.unknown"));
        call("rep", post(API + "/opportunities/" + lost + "/lost").content("{\"reason\": \" competencia \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST"))
                .andExpect(jsonPath("$.lostReason").value("Competencia"));
        call("rep", get(API + "/opportunities?status=OPEN")).andExpect(jsonPath("$.total").value(0));
        call("rep", get(API + "/opportunities?status=WON")).andExpect(jsonPath("$.items[0].id").value(won));
    }

    @Test
    void tasksArePlannedOnARecordListedAsMineAndCompleted() throws Exception {
        String lead = createLead("rep", "Frutas Ana SL");
        MvcResult created = call("rep", post(API + "/activities").content("""
                {"type": "TODO", "subject": "Call back Ana", "relatedType": "LEAD", "relatedId": "%s",
                 "dueAt": "2030-01-15T09:00:00Z"}""".formatted(lead)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerId").value(org.rep().toString()))
                .andReturn();
        String task = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(API + "/activities/" + task);

        call("rep", get(API + "/tasks/mine"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(task));
        call("rep", get(API + "/tasks/mine?dueBefore=2029-12-31T00:00:00Z")).andExpect(jsonPath("$.total").value(0));
        call("rep2", get(API + "/tasks/mine")).andExpect(jsonPath("$.total").value(0));
        call("rep", get(API + "/activities?relatedType=LEAD&relatedId=" + lead))
                .andExpect(jsonPath("$[0].subject").value("Call back Ana"));
        call("rep", post(API + "/activities/" + task + "/complete").content("{\"outcome\": \"Wants a quote\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.outcome").value("Wants a quote"));
        call("rep", post(API + "/activities/" + task + "/complete")).andExpect(problem(409, "activity.not-planned"));
        call("rep", post(API + "/activities").content("{\"type\": \"CALL\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
    }

    @Test
    void accountsAndContactsAreCreatedReadAndUpdated() throws Exception {
        MvcResult account = call("rep", post(API + "/accounts").content("{\"name\": \"Ferretería Sol SL\", \"taxId\": \"B58378431\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customer").value(true))
                .andReturn();
        String accountId = JsonPath.read(account.getResponse().getContentAsString(), "$.id");
        call("rep", put(API + "/accounts/" + accountId).header(HttpHeaders.IF_MATCH, account.getResponse().getHeader(HttpHeaders.ETAG))
                        .content("{\"name\": \"Ferretería Sol\", \"city\": \"Valencia\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value("Valencia"));
        call("rep", post(API + "/accounts").content("{\"name\": \" \"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        String contact = JsonPath.read(call("rep", post(API + "/contacts")
                        .content("{\"accountId\": \"" + accountId + "\", \"firstName\": \"Luis\", \"lastName\": \"Sol\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString(API + "/contacts/")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", get(API + "/contacts/" + contact)).andExpect(jsonPath("$.accountId").value(accountId));
        call("rep", get(API + "/contacts?text=Luis")).andExpect(jsonPath("$.total").value(1));
        call("rep", get(API + "/accounts?role=customer")).andExpect(jsonPath("$.items[0].name").value("Ferretería Sol"));
    }

    @Test
    void listsArePagedAndOversizedPagesAreRefused() throws Exception {
        for (String company : List.of("Uno SL", "Dos SL", "Tres SL")) {
            createLead("rep", company);
        }
        call("rep", get(API + "/leads?page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        call("rep", get(API + "/leads?size=500"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        call("rep", get(API + "/leads?size=lots"))
                .andExpect(problem(400, "request.parameter.invalid"))
                .andExpect(jsonPath("$.parameter").value("size"));
        call("rep", get(API + "/leads?status=MAYBE")).andExpect(problem(400, "request.parameter.invalid"));
    }

    @Test
    void unknownRoutesAndMethodsUnderTheBasePathAreProblems() throws Exception {
        call("rep", get(API + "/no-such-thing")).andExpect(problem(404, "route.not-found"));
        call("rep", get(API + "/leads/" + UUID.randomUUID())).andExpect(problem(404, "record.not-found"));
        call("rep", get(API + "/leads/not-a-uuid")).andExpect(problem(400, "request.parameter.invalid"));
        call("rep", patch(API + "/leads/" + UUID.randomUUID()).content("{}"))
                .andExpect(problem(405, "method.not-allowed"))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("PUT")));
    }

    @Test
    void callersAreKnownUsersOrGetA401() throws Exception {
        mvc.perform(get(API + "/leads").header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(problem(401, "access.unauthenticated"));
        mvc.perform(get(API + "/leads").with(user("stranger")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(problem(403, "access.unknown-user"));
        call("rep", get(API + "/users/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(org.rep().toString()))
                .andExpect(jsonPath("$.role").value("SALES_REP"))
                .andExpect(header().exists(HttpHeaders.ETAG));
        call("rep", get(API + "/users")).andExpect(jsonPath("$", hasSize(5)));
    }

    ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username))
                .header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON));
    }

    String createLead(String username, String company) throws Exception {
        return JsonPath.read(call(username, post(API + "/leads").content("{\"companyName\": \"" + company + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String createOpportunity(String name) throws Exception {
        return JsonPath.read(call("rep", post(API + "/opportunities").content("{\"name\": \"" + name + "\", \"amount\": 1200.50}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    static ResultMatcher problem(int status, String code) {
        List<ResultMatcher> all = List.of(
                status().is(status),
                content().contentTypeCompatibleWith(PROBLEM),
                jsonPath("$.status").value(status),
                jsonPath("$.code").value(code),
                jsonPath("$.trace").doesNotExist(),
                jsonPath("$.exception").doesNotExist());
        return result -> {
            for (ResultMatcher matcher : all) {
                matcher.match(result);
            }
        };
    }
}
