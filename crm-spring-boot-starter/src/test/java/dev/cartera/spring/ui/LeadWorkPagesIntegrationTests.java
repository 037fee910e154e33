package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.team.UserView;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Working leads in the UI (KD-2, X-1, X-2): duplicate warnings as you type, twins and merge, age, filters, bulk changes. */
class LeadWorkPagesIntegrationTests extends UiIntegrationTestSupport {
    private String tenant;

    @BeforeEach
    void firm() {
        tenant = newTenant();
    }

    @Test
    void warnsAboutLikelyDuplicatesWhileTyping() throws Exception {
        LeadView existing = lead("Jordi", "Puig", "Forn Puig S.L.", "jordi@fornpuig.cat");

        String fragment = mvc.perform(post("/crm/leads/duplicates").with(as("ana", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("firstName", "J.").param("email", "JORDI@fornpuig.cat"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(fragment).startsWith("<div id=\"lead-duplicates\"").doesNotContain("<html")
                .contains("Puede que ya exista", "/crm/leads/" + existing.id(), "Jordi Puig (Forn Puig S.L.)", "coincide en email");
        String none = mvc.perform(post("/crm/leads/duplicates").with(as("ana", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("companyName", "Talleres Oñate"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).doesNotContain("duplicate-candidate");
        String editing = mvc.perform(post("/crm/leads/duplicates").with(as("ana", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("email", "jordi@fornpuig.cat").param("existingId", existing.id().toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(editing).as("a lead is no duplicate of itself").doesNotContain("duplicate-candidate");
        assertThat(page("/crm/leads/new")).contains("hx-post=\"/crm/leads/duplicates\"", "hx-trigger=\"input delay:600ms\"");
    }

    @Test
    void listsTwinsOnTheLeadPageAndMergesThemAfterConfirmation() throws Exception {
        LeadView survivor = lead("Marta", "Soler", "Gestoría Soler", "marta@gestoriasoler.es");
        LeadView twin = lead("Marta", "Soler Vidal", null, "marta@gestoriasoler.es");

        String html = page("/crm/leads/" + survivor.id());
        assertThat(html).contains("data-testid=\"lead-twins\"", "Posibles duplicados", "Marta Soler Vidal",
                "data-testid=\"merge-confirm-" + twin.id() + "\"", "¿Fusionar «Marta Soler Vidal» en «Marta Soler (Gestoría Soler)»?");
        String asRep = mvc.perform(get("/crm/leads/{id}", survivor.id()).with(as("rep", tenant)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(asRep).as("sales reps do not merge").doesNotContain("merge-confirm-");

        mvc.perform(post("/crm/leads/{id}/merge", survivor.id()).with(as("ana", tenant)).with(csrf())
                        .param("duplicateId", twin.id().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/crm/leads/" + survivor.id() + "?merged=1"));

        assertThat(page("/crm/leads/" + survivor.id() + "?merged=1")).contains("Leads fusionados.").doesNotContain("data-testid=\"lead-twins\"");
        mvc.perform(get("/crm/leads/{id}", twin.id()).with(as("ana", tenant))).andExpect(status().isNotFound());
    }

    @Test
    void showsAgeAndLastContactAndFiltersByOwner() throws Exception {
        UserView rep = cartera.asSystem(tenant, crm -> crm.users().findByUsername("rep").orElseThrow());
        LeadView mine = cartera.asSystem(tenant, crm -> crm.leads().create(
                LeadDraft.of("Núria", "Vila", "Forn Vila", null, null, "web").withOwner(rep.id())));
        LeadView other = lead("Pau", "Ferrer", "Ferreteria Ferrer", null);

        String list = page("/crm/leads");
        assertThat(list).contains("data-testid=\"lead-age\"", "Alta hace menos de un día", "Sin contactar aún",
                "data-testid=\"leads-owner\"", "data-testid=\"lead-bulk\"", "data-testid=\"select-" + mine.id() + "\"");
        String filtered = page("/crm/leads?owner=" + rep.id());
        assertThat(filtered).contains("Forn Vila").doesNotContain("Ferreteria Ferrer");
        assertThat(page("/crm/leads?lang=en")).contains("Registered less than a day ago", "Not contacted yet");
        assertThat(other).isNotNull();
    }

    @Test
    void changesOwnerAndStatusOfTheSelectedLeadsInBulk() throws Exception {
        LeadView a = lead("Laia", "Mas", "Celler Mas", null);
        LeadView b = lead("Oriol", "Pons", "Pons i Fills", null);
        UserView rep = cartera.asSystem(tenant, crm -> crm.users().findByUsername("rep").orElseThrow());

        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf())
                        .param("ids", a.id().toString(), b.id().toString()).param("action", "owner").param("ownerId", rep.id().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/crm/leads"))
                .andExpect(flash().attribute("bulkChanged", 2))
                .andExpect(flash().attribute("bulkFailed", 0));
        long owned = cartera.asSystem(tenant, crm -> crm.leads().search(new LeadQuery(null, null, null, rep.id()), PageRequest.first(10)).total());
        assertThat(owned).isEqualTo(2);

        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf())
                        .param("ids", a.id().toString()).param("action", "status").param("status", "CONTACTED"))
                .andExpect(flash().attribute("bulkChanged", 1));
        LeadStatus status = cartera.asSystem(tenant, crm -> crm.leads().get(a.id()).status());
        assertThat(status).isEqualTo(LeadStatus.CONTACTED);

        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf())
                        .param("ids", b.id().toString()).param("action", "status").param("status", "DISQUALIFIED"))
                .andExpect(flash().attribute("bulkError", "cartera.leads.bulk.reasonRequired"));
        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf())
                        .param("ids", a.id().toString(), b.id().toString()).param("action", "status").param("status", "DISQUALIFIED")
                        .param("reason", "Sin presupuesto"))
                .andExpect(flash().attribute("bulkChanged", 2));
        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf())
                        .param("ids", a.id().toString()).param("action", "status").param("status", "QUALIFIED"))
                .andExpect(flash().attribute("bulkChanged", 0))
                .andExpect(flash().attribute("bulkFailed", 1))
                .andExpect(flash().attribute("bulkReason", "cartera.error.lead.status.final"));
        String shown = mvc.perform(get("/crm/leads").with(as("ana", tenant)).flashAttr("bulkChanged", 0).flashAttr("bulkFailed", 1)
                        .flashAttr("bulkReason", "cartera.error.lead.status.final"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Ningún lead cambiado, 1 no se pudo cambiar.", "Este lead ya está cerrado.");
        mvc.perform(post("/crm/leads/bulk").with(as("ana", tenant)).with(csrf()).param("action", "owner"))
                .andExpect(flash().attribute("bulkError", "cartera.leads.bulk.noneSelected"));
    }

    private LeadView lead(String first, String last, String company, String email) {
        return cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of(first, last, company, email, null, "web")));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
