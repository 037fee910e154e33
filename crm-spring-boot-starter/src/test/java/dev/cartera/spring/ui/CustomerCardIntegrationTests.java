package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerCardIntegrationTests extends UiIntegrationTestSupport {
    private String tenant;
    private ConversionResult converted;

    @BeforeEach
    void customerConvertedFromALead() {
        tenant = newTenant();
        converted = cartera.asSystem(tenant, crm -> {
            var lead = crm.leads().create(new LeadDraft("Lucía", "Martín", "Panadería Lucía SL", "Gerente",
                    "lucia@panaderialucia.es", "912 345 678", "B58378431", "referral", null, null, "Calle Mayor 3",
                    "Alcalá de Henares", "28801", "Madrid", null, null, 4, "TPV", null));
            ConversionResult result = crm.leads().convert(lead.id(), null,
                    LeadConversion.withOpportunity("Instalación TPV", new BigDecimal("1500.50")));
            crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada de bienvenida", RecordType.ACCOUNT, result.accountId()));
            crm.activities().create(ActivityDraft.task("Enviar presupuesto", RecordType.ACCOUNT, result.accountId(),
                    Instant.now().plus(2, ChronoUnit.DAYS)));
            return result;
        });
    }

    @Test
    void showsEverythingAboutTheCustomer() throws Exception {
        String html = mvc.perform(get("/crm/accounts/{id}", converted.accountId()).with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-testid=\"card-name\">Panadería Lucía SL<");
        assertThat(section(html, "card-data")).contains("B58378431", "href=\"tel:+34912345678\"", "Calle Mayor 3", "28801 Alcalá de Henares");
        assertThat(section(html, "card-contacts")).contains("Lucía Martín", "Gerente", "lucia@panaderialucia.es");
        assertThat(section(html, "card-origin")).contains("Recomendación", "Registrado como lead");
        assertThat(section(html, "card-opportunities")).contains("Instalación TPV", "En análisis", "1.500,50\u00a0€");
        assertThat(section(html, "card-tasks")).contains("Enviar presupuesto");
        assertThat(section(html, "card-timeline"))
                .contains("Llamada de bienvenida", "Entró como lead", "Alta como cliente", "Nueva oportunidad");
    }

    @Test
    void listsTheTimelineNewestFirst() throws Exception {
        String timeline = section(mvc.perform(get("/crm/accounts/{id}", converted.accountId()).with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString(), "card-timeline");

        assertThat(timeline.indexOf("Enviar presupuesto")).isLessThan(timeline.indexOf("Llamada de bienvenida"));
        assertThat(timeline.indexOf("Llamada de bienvenida")).isLessThan(timeline.indexOf("Entró como lead"));
    }

    @Test
    void speaksEnglishWhenAskedAndRemembersIt() throws Exception {
        var response = mvc.perform(get("/crm/accounts/{id}", converted.accountId()).param("lang", "en").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        String html = response.getContentAsString();

        assertThat(html).contains("<html lang=\"en\"", "Referral", "Came in as a lead", "€1,500.50", ">Customers<");
        assertThat(response.getCookie(CarteraLocaleResolver.COOKIE).getValue()).isEqualTo("en");
    }

    @Test
    void logsACallFromTheCardWithHtmx() throws Exception {
        String fragment = mvc.perform(post("/crm/accounts/{id}/activities", converted.accountId())
                        .with(as("ana", tenant)).with(csrf())
                        .header("HX-Request", "true")
                        .param("type", "CALL").param("subject", "Confirmó el pedido"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<div id=\"card-activity\"").doesNotContain("<html");
        assertThat(section(fragment, "card-timeline")).contains("Confirmó el pedido");
    }

    @Test
    void showsATranslatedErrorForAQuickFormWithoutSubject() throws Exception {
        mvc.perform(post("/crm/accounts/{id}/activities", converted.accountId())
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("type", "CALL").param("subject", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-subject\">Campo obligatorio<")));
    }

    @Test
    void plansATaskAndCompletesIt() throws Exception {
        mvc.perform(post("/crm/accounts/{id}/activities", converted.accountId()).with(as("ana", tenant)).with(csrf())
                        .param("type", "TODO").param("subject", "Llevar muestras").param("due", "2031-05-04"))
                .andExpect(status().is3xxRedirection());
        var task = cartera.asSystem(tenant, crm -> crm.customerCards().card(converted.accountId()).openTasks().stream()
                .filter(t -> t.subject().equals("Llevar muestras")).findFirst().orElseThrow());

        String fragment = mvc.perform(post("/crm/accounts/{id}/tasks/{task}/complete", converted.accountId(), task.id())
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true").param("version", String.valueOf(task.version())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(section(fragment, "card-tasks")).doesNotContain("Llevar muestras");
        assertThat(section(fragment, "card-timeline")).contains("Llevar muestras");
    }

    @Test
    void anotherFirmsCustomerIsNotFound() throws Exception {
        String otherTenant = newTenant();

        mvc.perform(get("/crm/accounts/{id}", converted.accountId()).with(as("ana", otherTenant)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No lo encontramos")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Panadería"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
    }

    @Test
    void aSalesRepCannotOpenSomeoneElsesCustomer() throws Exception {
        UUID account = cartera.asSystem(tenant, crm -> crm.accounts()
                .create(dev.cartera.core.account.AccountDraft.company("Cliente de Ana")).id());

        mvc.perform(get("/crm/accounts/{id}", account).with(as("rep", tenant)).param("lang", "ca"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No ho trobem")));
    }

    @Test
    void aMalformedIdIsNotFound() throws Exception {
        mvc.perform(get("/crm/accounts/not-a-uuid").with(as("ana", tenant)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-page\"")));
    }

    /** The markup of the element carrying {@code data-testid="<id>"}, up to the next section. */
    static String section(String html, String testId) {
        int start = html.indexOf("data-testid=\"" + testId + "\"");
        assertThat(start).as("section %s", testId).isNotNegative();
        int end = html.indexOf("<section", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
