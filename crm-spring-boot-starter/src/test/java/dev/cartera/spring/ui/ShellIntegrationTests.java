package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.opportunity.OpportunityDraft;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class ShellIntegrationTests extends UiIntegrationTestSupport {

    @Test
    void dashboardGreetsTheUserAndCountsWhatTheyCanSee() throws Exception {
        String tenant = newTenant();
        cartera.asSystem(tenant, crm -> {
            crm.leads().create(LeadDraft.of("Carmen", "Vidal", "Floristería Carmen", null, null, "web"));
            crm.leads().create(LeadDraft.of("Toni", "Roca", null, null, null, "phone"));
            var account = crm.accounts().create(AccountDraft.company("Talleres Roca"));
            crm.opportunities().create(OpportunityDraft.named("Mantenimiento anual", account.id(), new BigDecimal("12000")));
            crm.opportunities().create(OpportunityDraft.named("Recambios", account.id(), new BigDecimal("345.5")));
            return null;
        });
        var ana = cartera.asSystem(tenant, crm -> crm.users().findByUsername("ana").orElseThrow());
        mvc.perform(get("/crm/leads").with(as("ana", tenant))); // warm nothing: counts come from the services
        cartera.asSystem(tenant, crm -> crm.activities().create(new ActivityDraft(dev.cartera.core.activity.ActivityType.TODO,
                "Llamar a Carmen", null, null, null, ana.id(), Instant.now().minus(1, ChronoUnit.DAYS), null, null, null, null, null, false)));

        String html = mvc.perform(get("/crm").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("data-testid=\"greeting\">(Buenos días|Buenas tardes|Buenas noches), Ana García<");
        // An admin opens on the firm's board; the narrower boards show what they can see.
        assertThat(html).contains("data-profile=\"director\"", "data-testid=\"kpi-revenue-month\"", "data-testid=\"figure-by-office\"");
        String team = mvc.perform(get("/crm?view=manager").with(as("ana", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(CustomerCardIntegrationTests.section(team, "board-kpis")).contains("Oportunidades abiertas", ">2<", "12.345,50\u00a0€");
        String own = mvc.perform(get("/crm?view=rep").with(as("ana", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(CustomerCardIntegrationTests.section(own, "board-kpis")).contains("1 vencida");
    }

    @Test
    void shellHasBrandingNavigationLanguagesAndALogoutFormWithCsrf() throws Exception {
        String tenant = newTenant();

        String html = mvc.perform(get("/crm/").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">",
                "<html lang=\"es\"", "data-testid=\"product-name\">Cartera<", "data-testid=\"firm-name\">Ferretería Martínez SL<",
                "--cartera-primary: #1d4ed8;", "/crm/assets/cartera.css", "/crm/assets/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(html).contains("data-testid=\"nav-toggle\"", "aria-controls=\"cartera-nav\"", "data-testid=\"nav-dashboard\"",
                "data-testid=\"nav-accounts\"", "data-testid=\"nav-leads\"", "data-testid=\"nav-opportunities\"", "data-testid=\"nav-tasks\"");
        assertThat(html).contains(">Inicio<", ">Clientes<", ">Leads<", ">Oportunidades<", ">Tareas<");
        assertThat(html).contains("data-testid=\"lang-es\"", "data-testid=\"lang-ca\"", "data-testid=\"lang-en\"", "href=\"?lang=ca\"");
        String logout = html.substring(html.indexOf("<form action=\"/logout\""), html.indexOf("</form>", html.indexOf("action=\"/logout\"")));
        assertThat(logout).contains("method=\"post\"", "type=\"hidden\" name=\"_csrf\"");
    }

    @Test
    void rememberedLanguageSticksAndUnsupportedOnesAreIgnored() throws Exception {
        String tenant = newTenant();

        mvc.perform(get("/crm").cookie(new Cookie(CarteraLocaleResolver.COOKIE, "ca")).with(as("ana", tenant)))
                .andExpect(content().string(containsString("<html lang=\"ca\"")))
                .andExpect(content().string(containsString(">Inici<")))
                .andExpect(content().string(containsString(">Oportunitats<")));
        mvc.perform(get("/crm").param("lang", "fr").header("Accept-Language", "en-GB").with(as("ana", tenant)))
                .andExpect(content().string(containsString("<html lang=\"es\"")))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aUserUnknownToTheCrmGetsAFriendlyForbiddenPage() throws Exception {
        String tenant = newTenant();

        mvc.perform(get("/crm").with(user("intruso").authorities(new SimpleGrantedAuthority("TENANT_" + tenant))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Tu usuario no tiene acceso al CRM")));
    }

    @Test
    void servesItsStylesheetScriptAndVersionlessWebjars() throws Exception {
        String tenant = newTenant();

        mvc.perform(get("/crm/assets/cartera.css").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("--cartera-primary")));
        mvc.perform(get("/crm/assets/cartera.js").with(as("ana", tenant))).andExpect(status().isOk());
        mvc.perform(get("/crm/assets/webjars/htmx.org/dist/htmx.min.js").with(as("ana", tenant))).andExpect(status().isOk());
        mvc.perform(get("/crm/assets/webjars/bootstrap-icons/font/bootstrap-icons.min.css").with(as("ana", tenant))).andExpect(status().isOk());
    }

    @Test
    void listsOpportunitiesAndTasks() throws Exception {
        String tenant = newTenant();
        var ana = cartera.asSystem(tenant, crm -> crm.users().findByUsername("ana").orElseThrow());
        cartera.asSystem(tenant, crm -> {
            var account = crm.accounts().create(AccountDraft.company("Óptica Serra"));
            crm.opportunities().create(OpportunityDraft.named("Gafas progresivas", account.id(), new BigDecimal("890")));
            crm.activities().create(new ActivityDraft(dev.cartera.core.activity.ActivityType.CALL, "Llamar a Óptica Serra", null,
                    RecordType.ACCOUNT, account.id(), ana.id(), Instant.now().plus(3, ChronoUnit.DAYS), null, null, null, null, null, false));
            return null;
        });

        mvc.perform(get("/crm/opportunities").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gafas progresivas")))
                .andExpect(content().string(containsString("Óptica Serra")))
                .andExpect(content().string(containsString("890,00\u00a0€")));
        mvc.perform(get("/crm/opportunities").param("status", "WON").with(as("ana", tenant)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Gafas progresivas"))));
        mvc.perform(get("/crm/tasks").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Llamar a Óptica Serra")));
        mvc.perform(get("/crm/tasks").with(as("rep", tenant)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Llamar a Óptica Serra"))));
    }

    @Test
    void searchesAccountsLiveAndPages() throws Exception {
        String tenant = newTenant();
        cartera.asSystem(tenant, crm -> {
            for (int i = 1; i <= 25; i++) {
                crm.accounts().create(AccountDraft.company(String.format("Bodega %02d", i)));
            }
            crm.accounts().create(AccountDraft.company("Librería Alba"));
            return null;
        });

        String first = mvc.perform(get("/crm/accounts").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Bodega 01", "Bodega 20", "1–20 de 26", "data-testid=\"pager-next\"").doesNotContain("Bodega 21");
        String second = mvc.perform(get("/crm/accounts").param("page", "1").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Bodega 21", "Librería Alba", "21–26 de 26").doesNotContain("Bodega 20<");

        String partial = mvc.perform(get("/crm/accounts").param("q", "alba").header("HX-Request", "true").with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(partial).startsWith("<div id=\"account-results\"").contains("Librería Alba")
                .doesNotContain("Bodega", "<html", "data-testid=\"empty\"");
        mvc.perform(get("/crm/accounts").param("q", "zzz").header("HX-Request", "true").with(as("ana", tenant)))
                .andExpect(content().string(containsString("No hay clientes que coincidan.")));
    }
}
