package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.access.Role;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.team.UserDraft;
import dev.cartera.rules.CarteraRules;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.Trigger;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The rules pages through the web UI: the criteria builder, validation by rule name, activation, simulator, history. */
class RulesUiIntegrationTests extends UiIntegrationTestSupport {
    private static final List<String> TRIGGERS_OF_THE_QUOTE_WORK = List.of("QUOTE_SENT", "QUOTE_ACCEPTED", "QUOTE_REJECTED",
            "QUOTE_EXPIRED", "DOCUMENT_UPLOADED_BY_CUSTOMER", "QUOTE_EXPIRING", "QUOTE_UNANSWERED");

    @Autowired
    CarteraRules rules;

    private String tenant;
    private UUID catalunya;
    private UUID jordi;
    private UUID montse;

    @BeforeEach
    void tenantWithTeamCatalunya() {
        tenant = newTenant();
        cartera.asSystem(tenant, crm -> {
            catalunya = crm.users().createTeam("Catalunya", null, null).id();
            jordi = crm.users().create(new UserDraft("jordi", "Jordi Puig", "jordi@example.es", Role.SALES_REP, catalunya, null, "ca")).id();
            montse = crm.users().create(new UserDraft("montse", "Montse Vidal", "montse@example.es", Role.SALES_REP, catalunya, null, "ca")).id();
            crm.leads().create(lead("Hotel Girona", "Girona", "web"));
            crm.leads().create(lead("Bodega Jaén", "Jaén", "phone"));
            return null;
        });
    }

    @Test
    void onlyAdminsSeeTheRulesAndTheirLinkInTheNavigation() throws Exception {
        assertThat(page("ana", "/crm")).contains("data-testid=\"nav-rules\"", "href=\"/crm/settings/rules\"");
        assertThat(page("rep", "/crm")).doesNotContain("nav-rules");
        for (String path : List.of("/crm/settings/rules", "/crm/settings/rules/history")) {
            String forbidden = mvc.perform(get(path).with(as("rep", tenant))).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString();
            assertThat(forbidden).doesNotContain("data-testid=\"rules-page\"", "Exception");
        }
        mvc.perform(post("/crm/settings/rules/ASSIGNMENT/drafts").with(as("rep", tenant)).with(csrf())).andExpect(status().isForbidden());
        assertThat(rules.ruleSets().getClass()).isNotNull();
        assertThat(signedIn("ana", tenant, () -> rules.ruleSets().versions(RuleSetKind.ASSIGNMENT))).isEmpty();
    }

    @Test
    void anAdminBuildsValidatesAndActivatesAnAssignmentRuleWithoutDrl() throws Exception {
        String editor = newDraft("ASSIGNMENT");
        String html = page("ana", editor);
        assertThat(html).contains("data-testid=\"rule-0\"", "data-fallback=\"true\"", "Regla de reserva")
                .contains("value=\"ROUND_ROBIN\"", "value=\"LEAST_LOADED\"", "value=\"TERRITORY\"", "value=\"RETURNING_CUSTOMER\"")
                .doesNotContain("value=\"RECORD_OWNER\"");

        html = submit(editor, "ADD_RULE", fallbackOnly(0));
        assertThat(html).contains("data-testid=\"rule-1\"").contains("data-testid=\"criterion-0\"");
        assertThat(ruleCard(html, 1)).contains("data-fallback=\"true\"");

        MockHttpServletRequestBuilder both = catalunyaRule().param("rules[1].name", "Resto")
                .param("rules[1].assignee.kind", "USER").param("rules[1].assignee.userId", signedIn("ana", tenant,
                        () -> cartera.users().findByUsername("rep").orElseThrow().id()).toString());
        html = submit(editor, "VALIDATE", both);
        assertThat(html).contains("data-testid=\"rules-valid\"").doesNotContain("data-testid=\"rule-errors\"");
        assertThat(ruleCard(html, 0)).contains("value=\"Catalunya web\"", "Barcelona, Girona", "selected=\"selected\">Catalunya<");

        // The browser posts the whole builder with the button: it is saved, then activated.
        String activated = mvc.perform(withFields(formPost(editor).param("op", "ACTIVATE"), both)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(activated).isEqualTo("/crm/settings/rules?activated=1");
        assertThat(page("ana", activated)).contains("data-testid=\"rules-activated\"", "data-status=\"ACTIVE\"");

        UUID lead = signedIn("ana", tenant, () -> cartera.leads().create(lead("Forn de Sants", "Barcelona", "web")).id());
        UUID owner = signedIn("ana", tenant, () -> cartera.leads().get(lead).ownerId());
        assertThat(owner).as("owner of the lead; rules decided %s", signedIn("ana", tenant, () -> rules.ruleSets().history(lead)))
                .isIn(jordi, montse);
        assertThat(page("ana", "/crm/leads/" + lead)).contains("data-testid=\"lead-owner-value\"", "por la regla «Catalunya web»");
        String history = page("ana", "/crm/settings/rules/history");
        assertThat(history).contains("data-testid=\"history-row\"", "data-rule=\"Catalunya web\"", "Forn de Sants",
                "data-testid=\"history-why\"", "Por turnos en el equipo, le toca a ");
    }

    @Test
    void validationErrorsAreShownNextToTheirRuleAndTheDraftStaysADraft() throws Exception {
        String editor = newDraft("ASSIGNMENT");
        submit(editor, "ADD_RULE", fallbackOnly(0));
        String html = submit(editor, "ACTIVATE", formPost(editor)
                .param("rules[0].name", "Planetas").param("rules[0].criteria[0].field", "planet")
                .param("rules[0].criteria[0].operator", "EQUALS").param("rules[0].criteria[0].values", "Marte")
                .param("rules[0].assignee.kind", "ROUND_ROBIN").param("rules[0].assignee.teamId", catalunya.toString())
                .param("rules[1].name", "Resto").param("rules[1].assignee.kind", "ROUND_ROBIN")
                .param("rules[1].assignee.teamId", catalunya.toString()));
        assertThat(html).contains("data-testid=\"rules-invalid\"");
        String planets = ruleCard(html, 0);
        assertThat(planets).contains("data-rule-name=\"Planetas\"", "data-testid=\"rule-errors\"",
                "El campo «planet» no existe para «Lead». Se puede usar: ");
        assertThat(ruleCard(html, 1)).doesNotContain("rule-errors");
        assertThat(signedIn("ana", tenant, () -> rules.ruleSets().active(RuleSetKind.ASSIGNMENT))).isEmpty();
    }

    @Test
    void theSimulatorShowsPerLeadWhoWouldGetItAndWhyWithoutWritingAnything() throws Exception {
        String editor = newDraft("ASSIGNMENT");
        submit(editor, "ADD_RULE", fallbackOnly(0));
        submit(editor, "SAVE", catalunyaRule().param("rules[1].name", "Resto").param("rules[1].assignee.kind", "RETURNING_CUSTOMER"));
        int executionsBefore = executions();

        String real = mvc.perform(post(editor + "/simulate").with(as("ana", tenant)).with(csrf())
                        .param("mode", "REAL").param("limit", "50").param("source", "web"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(real).contains("data-testid=\"sim-table\"", "Hotel Girona", "data-decided-by=\"Catalunya web\"")
                .doesNotContain("Bodega Jaén");
        assertThat(real).containsAnyOf("Jordi Puig", "Montse Vidal");

        String samples = mvc.perform(post(editor + "/simulate").with(as("ana", tenant)).with(csrf()).param("mode", "SAMPLES")
                        .param("samples[0].companyName", "Bar Uno").param("samples[0].province", "Barcelona").param("samples[0].source", "web")
                        .param("samples[1].companyName", "Bar Dos").param("samples[1].province", "Girona").param("samples[1].source", "web"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(samples).contains("Bar Uno", "Bar Dos", "Jordi Puig", "Montse Vidal",
                "Se cumple la regla «Catalunya web»: Provincia es uno de Barcelona, Girona y Origen es igual a web.",
                "Por turnos en el equipo, le toca a ");
        String english = mvc.perform(post(editor + "/simulate").with(as("ana", tenant)).with(csrf()).param("mode", "SAMPLES")
                        .param("lang", "en").param("samples[0].companyName", "Bar Tres").param("samples[0].province", "Lugo"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("The fallback rule “Resto” applies (no criteria).", "Not a returning customer")
                .doesNotContain("Se aplica la regla");

        String empty = mvc.perform(post(editor + "/simulate").with(as("ana", tenant)).with(csrf()).param("mode", "SAMPLES"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("data-testid=\"sim-error\"", "Escribe al menos un registro de ejemplo.");
        assertThat(executions()).isEqualTo(executionsBefore);
        assertThat(signedIn("ana", tenant, () -> rules.ruleSets().active(RuleSetKind.ASSIGNMENT))).isEmpty();
    }

    @Test
    void theAutomationEditorOffersEveryTriggerOfTheModuleWithItsLabel() throws Exception {
        String editor = newDraft("AUTOMATION");
        String html = submit(editor, "ADD_RULE", formPost(editor));
        for (Trigger trigger : Trigger.values()) {
            assertThat(html).contains("value=\"" + trigger.name() + "\"");
        }
        assertThat(html).contains("Oportunidad parada en su etapa (temporizador)", "data-testid=\"action-0\"", "value=\"CREATE_TASK\"");

        html = submit(editor, "SAVE", formPost(editor).param("rules[0].name", "Seguimiento").param("rules[0].trigger", "DEAL_STUCK")
                .param("rules[0].days", "2")
                .param("rules[0].actions[0].kind", "CREATE_TASK").param("rules[0].actions[0].taskType", "CALL")
                .param("rules[0].actions[0].title", "Llamar por {name}").param("rules[0].actions[0].dueInDays", "2")
                .param("rules[0].actions[0].assignee.kind", "RECORD_OWNER"));
        assertThat(html).contains("data-testid=\"rule-days\"", "value=\"Llamar por {name}\"");
        var saved = signedIn("ana", tenant, () -> rules.ruleSets().versions(RuleSetKind.AUTOMATION).get(0).content().automation().get(0));
        assertThat(saved.trigger()).isEqualTo(Trigger.DEAL_STUCK);
        assertThat(saved.days()).isEqualTo(2);
        assertThat(saved.actions().get(0).dueInDays()).isEqualTo(2);
        assertThat(saved.actions().get(0).title()).isEqualTo("Llamar por {name}");
    }

    @Test
    void everyTriggerOperatorAndAssigneeHasALabelInEveryLanguageAndSoDoTheQuoteTriggers() throws Exception {
        for (String file : List.of("messages.properties", "messages_ca.properties", "messages_en.properties")) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/cartera/" + file)) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Trigger t : Trigger.values()) {
                assertThat(bundle).as(file).containsKey("cartera.rules.trigger." + t.name());
            }
            for (String t : TRIGGERS_OF_THE_QUOTE_WORK) {
                assertThat(bundle).as(file).containsKey("cartera.rules.trigger." + t);
            }
            for (Enum<?> e : dev.cartera.rules.Operator.values()) {
                assertThat(bundle).as(file).containsKey("cartera.rules.operator." + e.name());
            }
            for (Enum<?> e : dev.cartera.rules.AssigneeKind.values()) {
                assertThat(bundle).as(file).containsKey("cartera.rules.assignee." + e.name());
            }
            for (Enum<?> e : dev.cartera.rules.ActionKind.values()) {
                assertThat(bundle).as(file).containsKey("cartera.rules.action." + e.name());
            }
            for (String field : dev.cartera.rules.RuleFields.of(dev.cartera.core.common.RecordType.LEAD)) {
                assertThat(bundle).as(file).containsKey("cartera.rules.field." + field);
            }
        }
    }

    @Test
    void anAdminMarksARepAbsentAndBackAndSeesWhatIsOfferedBack() throws Exception {
        String today = java.time.LocalDate.now(cartera.transactions().clock()).toString();
        String saved = mvc.perform(post("/crm/settings/rules/absences/" + jordi).with(as("ana", tenant)).with(csrf()).param("from", today))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo("/crm/settings/rules/absences?absent=0");
        String page = page("ana", saved);
        assertThat(page).contains("data-testid=\"absence-saved\"");
        assertThat(person(page, "jordi")).contains("data-testid=\"absent-badge\"");
        assertThat(person(page, "montse")).doesNotContain("absent-badge");

        String invalid = mvc.perform(post("/crm/settings/rules/absences/" + montse).with(as("ana", tenant)).with(csrf())
                .param("from", "2030-05-10").param("until", "2030-05-01")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("data-testid=\"absence-error\"", "La fecha final es anterior a la inicial.");

        String back = mvc.perform(post("/crm/settings/rules/absences/" + jordi + "/return").with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String returned = page("ana", back);
        assertThat(returned).contains("data-testid=\"offered-back\"", "Jordi Puig", "No hay tareas que devolver.");
        assertThat(person(returned, "jordi")).doesNotContain("absent-badge");
        assertThat(signedIn("ana", tenant, () -> cartera.users().get(jordi).absentFrom())).isNull();
        mvc.perform(get("/crm/settings/rules/absences").with(as("rep", tenant))).andExpect(status().isForbidden());
    }

    private String newDraft(String kind) throws Exception {
        String location = mvc.perform(post("/crm/settings/rules/" + kind + "/drafts").with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/crm/settings/rules/versions/");
        return location;
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user, tenant))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder formPost(String editor) {
        return post(editor).with(as("ana", tenant)).with(csrf());
    }

    /** The form as it stands with only the fallback rule (index {@code i}). */
    private MockHttpServletRequestBuilder fallbackOnly(int i) {
        return post("/").param("rules[" + i + "].name", "Resto").param("rules[" + i + "].assignee.kind", "ROUND_ROBIN")
                .param("rules[" + i + "].assignee.teamId", catalunya.toString());
    }

    private MockHttpServletRequestBuilder catalunyaRule() {
        return post("/").param("rules[0].name", "Catalunya web")
                .param("rules[0].criteria[0].field", "province").param("rules[0].criteria[0].operator", "IN")
                .param("rules[0].criteria[0].values", "Barcelona, Girona")
                .param("rules[0].criteria[1].field", "source").param("rules[0].criteria[1].operator", "EQUALS")
                .param("rules[0].criteria[1].values", "web")
                .param("rules[0].assignee.kind", "ROUND_ROBIN").param("rules[0].assignee.teamId", catalunya.toString());
    }

    /** Posts the builder with {@code op} and the parameters of {@code fields}, as the form would. */
    private String submit(String editor, String op, MockHttpServletRequestBuilder fields) throws Exception {
        return mvc.perform(withFields(formPost(editor).param("op", op), fields)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder request, MockHttpServletRequestBuilder fields) {
        var params = fields.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameterMap();
        params.forEach((name, values) -> {
            if (!name.equals("op")) {
                request.param(name, values);
            }
        });
        return request;
    }

    private static String person(String html, String username) {
        int start = html.indexOf("data-username=\"" + username + "\"");
        assertThat(start).as("row of %s", username).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }

    private static String ruleCard(String html, int index) {
        Matcher m = Pattern.compile("(?s)<li[^>]*data-testid=\"rule-" + index + "\".*?(?=<li[^>]*data-testid=\"rule-|</ol>)").matcher(html);
        assertThat(m.find()).as("rule card %d", index).isTrue();
        return m.group();
    }

    private int executions() {
        return signedIn("ana", tenant, () -> rules.ruleSets().recent(RuleSetKind.ASSIGNMENT, 1000).size());
    }

    private static LeadDraft lead(String company, String province, String source) {
        return new LeadDraft(null, null, company, null, null, null, null, source, null, null, null, null, null, province, "ES", "es",
                null, null, null);
    }
}
