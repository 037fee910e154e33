package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadPagesIntegrationTests extends UiIntegrationTestSupport {
    private String tenant;

    @BeforeEach
    void firm() {
        tenant = newTenant();
    }

    @Test
    void createsALeadFromTheForm() throws Exception {
        mvc.perform(post("/crm/leads").with(as("ana", tenant)).with(csrf())
                        .param("firstName", "Jordi").param("lastName", "Puig").param("companyName", "Forn Puig")
                        .param("email", "jordi@fornpuig.cat").param("taxId", "12345678Z").param("source", "event"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/crm/leads/*"));

        LeadView lead = only(new LeadQuery("Forn Puig", null, null, null));
        assertThat(lead.taxId()).isEqualTo("12345678Z");
        assertThat(lead.source()).isEqualTo("event");
    }

    @Test
    void showsEveryTranslatedErrorNextToItsField() throws Exception {
        String html = mvc.perform(post("/crm/leads").with(as("ana", tenant)).with(csrf())
                        .param("companyName", "Ferretería Sol").param("email", "no-es-un-email").param("taxId", "12345678A"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-testid=\"form-errors\"");
        assertThat(errorOf(html, "email")).isEqualTo("Escribe un email válido, como nombre@empresa.es");
        assertThat(errorOf(html, "taxId")).isEqualTo("La letra del NIF no es correcta");
        assertThat(html).contains("value=\"Ferretería Sol\"", "value=\"no-es-un-email\"");
        long saved = cartera.asSystem(tenant, crm -> crm.leads().search(LeadQuery.all(), PageRequest.first(5)).total());
        assertThat(saved).isZero();
    }

    @Test
    void translatesErrorsIntoTheUsersLanguage() throws Exception {
        String english = mvc.perform(post("/crm/leads").param("lang", "en").with(as("ana", tenant)).with(csrf())
                        .param("companyName", "Ferretería Sol").param("taxId", "12345678A"))
                .andReturn().getResponse().getContentAsString();
        String catalan = mvc.perform(post("/crm/leads").param("lang", "ca").with(as("ana", tenant)).with(csrf())
                        .param("taxId", "B5837843"))
                .andReturn().getResponse().getContentAsString();

        assertThat(errorOf(english, "taxId")).isEqualTo("The NIF check letter is wrong");
        assertThat(errorOf(catalan, "taxId")).isEqualTo("El NIF/CIF té 9 caràcters");
        assertThat(errorOf(catalan, "lastName")).isEqualTo("Indica un nom, uns cognoms o una empresa");
    }

    @Test
    void editsALead() throws Exception {
        LeadView lead = cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of("Marta", "Soler", null, null, null, "web")));

        mvc.perform(get("/crm/leads/{id}/edit", lead.id()).with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Soler\"")))
                .andExpect(content().string(containsString("data-testid=\"lead-email\"")));
        mvc.perform(post("/crm/leads/{id}", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("version", String.valueOf(lead.version()))
                        .param("firstName", "Marta").param("lastName", "Soler Vidal").param("source", "web").param("city", "Girona"))
                .andExpect(status().is3xxRedirection());

        LeadView edited = cartera.asSystem(tenant, crm -> crm.leads().get(lead.id()));
        assertThat(edited.lastName()).isEqualTo("Soler Vidal");
        assertThat(edited.city()).isEqualTo("Girona");
    }

    @Test
    void aStaleEditShowsAFriendlyConflict() throws Exception {
        LeadView lead = cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of("Pau", "Ros", null, null, null, "web")));
        cartera.asSystem(tenant, crm -> crm.leads().changeStatus(lead.id(), null, LeadStatus.CONTACTED, null));

        mvc.perform(post("/crm/leads/{id}", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("version", String.valueOf(lead.version())).param("lastName", "Ros"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Alguien ha cambiado este registro")));
    }

    @Test
    void filtersTheListByStatusSourceAndText() throws Exception {
        cartera.asSystem(tenant, crm -> {
            crm.leads().create(LeadDraft.of("Ana", "Web", "Tienda Web", null, null, "web"));
            crm.leads().create(LeadDraft.of("Eva", "Feria", "Estand Feria", null, null, "event"));
            var contacted = crm.leads().create(LeadDraft.of("Iker", "Llamado", "Bar Iker", null, null, "web"));
            crm.leads().changeStatus(contacted.id(), null, LeadStatus.CONTACTED, null);
            return null;
        });

        mvc.perform(get("/crm/leads").param("source", "event").with(as("ana", tenant)))
                .andExpect(content().string(containsString("Estand Feria")))
                .andExpect(content().string(not(containsString("Tienda Web"))));
        mvc.perform(get("/crm/leads").param("status", "CONTACTED").with(as("ana", tenant)))
                .andExpect(content().string(containsString("Bar Iker")))
                .andExpect(content().string(not(containsString("Tienda Web"))));
        String partial = mvc.perform(get("/crm/leads").param("q", "tienda").header("HX-Request", "true").with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString();
        assertThat(partial).startsWith("<div id=\"lead-results\"").contains("Tienda Web").doesNotContain("Bar Iker", "<html");
    }

    @Test
    void convertsALeadIntoACustomerAndOpensItsCard() throws Exception {
        LeadView lead = cartera.asSystem(tenant, crm -> crm.leads().create(
                LeadDraft.of("Nerea", "Etxeberria", "Sidrería Nerea", "nerea@sidreria.eus", "943 000 111", "referral")));

        String location = mvc.perform(post("/crm/leads/{id}/convert", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("version", String.valueOf(lead.version())).param("createOpportunity", "true")
                        .param("opportunityName", "Carta digital").param("amount", "2.400,00"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(location).startsWith("/crm/accounts/");
        String card = mvc.perform(get(location).with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("Sidrería Nerea", "Nerea Etxeberria", "Carta digital", "2.400,00\u00a0€", "Recomendación");
        UUID account = UUID.fromString(location.substring("/crm/accounts/".length()));
        assertThat(reload(lead).convertedAccountId()).isEqualTo(account);
    }

    @Test
    void rejectsAnAmountThatIsNotANumber() throws Exception {
        LeadView lead = cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of("Olga", "Ruiz", null, null, null, "web")));

        String html = mvc.perform(post("/crm/leads/{id}/convert", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("createOpportunity", "true").param("amount", "mucho"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(errorOf(html, "amount")).isEqualTo("Escribe un importe, por ejemplo 1.500,50");
        assertThat(reload(lead).status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void disqualifyingNeedsAReason() throws Exception {
        LeadView lead = cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of("Luis", "Gil", null, null, null, "web")));

        mvc.perform(post("/crm/leads/{id}/status", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("status", "DISQUALIFIED").param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Campo obligatorio")));
        mvc.perform(post("/crm/leads/{id}/status", lead.id()).with(as("ana", tenant)).with(csrf())
                        .param("status", "DISQUALIFIED").param("reason", "Sin presupuesto"))
                .andExpect(status().is3xxRedirection());

        assertThat(reload(lead).status()).isEqualTo(LeadStatus.DISQUALIFIED);
    }

    private LeadView reload(LeadView lead) {
        return cartera.asSystem(tenant, crm -> crm.leads().get(lead.id()));
    }

    private LeadView only(LeadQuery query) {
        var page = cartera.asSystem(tenant, crm -> crm.leads().search(query, PageRequest.first(5)));
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }

    /** The translated error shown under a field, tags stripped. */
    static String errorOf(String html, String field) {
        int start = html.indexOf("data-testid=\"error-" + field + "\"");
        assertThat(start).as("error of %s", field).isNotNegative();
        int end = html.indexOf("</p>", start);
        return html.substring(html.indexOf('>', start) + 1, end).replaceAll("<[^>]+>", "").strip();
    }
}
