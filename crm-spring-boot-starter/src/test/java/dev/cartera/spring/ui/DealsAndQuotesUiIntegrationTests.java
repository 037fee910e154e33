package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.catalog.ProductDraft;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.opportunity.DealField;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageDraft;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.quote.QuoteView;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The Kanban, the opportunity page, the quote builder and the customer's public quote page, through the web UI. */
class DealsAndQuotesUiIntegrationTests extends UiIntegrationTestSupport {
    private String tenant;
    private UUID account;

    @BeforeEach
    void tenantWithACustomer() {
        tenant = newTenant();
        account = cartera.asSystem(tenant, crm -> crm.accounts().create(new AccountDraft(AccountKind.COMPANY, "Librería Sol SL", null,
                null, "compras@libreriasol.es", null, null, null, "Valencia", null, null, null, null, null, true, false, false,
                crm.users().findByUsername("rep").orElseThrow().id(), null, null, null)).id());
    }

    @Test
    void theBoardShowsAColumnPerStageWithCountAmountAndWeightedAmount() throws Exception {
        deal("TPV tienda", "1000");
        deal("Web corporativa", "2500.50");

        String html = mvc.perform(get("/crm/opportunities/board").with(as("rep", tenant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-testid=\"board\"", "data-stage-name=\"En análisis\"", "data-stage-name=\"Oferta presentada\"",
                "data-stage-name=\"Ganada\"", "data-stage-name=\"Cancelada\"", "Mover a…", "Sortable.min.js");
        String first = column(html, "En análisis");
        assertThat(first).contains("data-testid=\"column-count\">2<", "3.500,50\u00a0€", "Ponderado 350,05\u00a0€ (10 %)",
                "TPV tienda", "Web corporativa", "Librería Sol SL", "Rubén Pérez", ">hoy<");
        assertThat(column(html, "Oferta presentada")).contains("data-testid=\"column-count\">0<");
        assertThat(mvc.perform(get("/crm/opportunities").with(as("rep", tenant))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/crm/opportunities/board\"");
    }

    @Test
    void aMoveToAStageWithRequiredFieldsAsksForThemInADialogWithTranslatedErrors() throws Exception {
        StageView offer = requireAmountAndCloseDateFor("Oferta presentada");
        OpportunityView deal = deal("Reforma oficina", null);

        MvcResult asked = mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("stageId", offer.id().toString()).param("version", "" + deal.version()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#move-dialog-slot"))
                .andReturn();
        String dialog = asked.getResponse().getContentAsString();
        assertThat(dialog).contains("data-testid=\"move-dialog\"", "Mover «Reforma oficina» a Oferta presentada",
                "Indica el importe para pasar a esta fase", "Indica la fecha prevista de cierre para pasar a esta fase",
                "name=\"amount\"", "name=\"expectedCloseDate\"");
        String english = mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("lang", "en").param("stageId", offer.id().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Enter the amount to move to this stage");
        String typo = mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("stageId", offer.id().toString()).param("amount", "mil euros")
                        .param("expectedCloseDate", "2030-06-30"))
                .andReturn().getResponse().getContentAsString();
        assertThat(typo).contains("Escribe un importe, por ejemplo 1.500,50");

        String board = mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("stageId", offer.id().toString()).param("amount", "1.500,50")
                        .param("expectedCloseDate", "2030-06-30"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Retarget"))
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("Oportunidad movida a «Oferta presentada».");
        assertThat(column(board, "Oferta presentada")).contains("Reforma oficina", "1.500,50\u00a0€");
        OpportunityView moved = cartera.asSystem(tenant, crm -> crm.opportunities().get(deal.id()));
        assertThat(moved.stageName()).isEqualTo("Oferta presentada");
        assertThat(moved.amount()).isEqualByComparingTo("1500.50");
    }

    @Test
    void losingADealAsksForAReasonFromTheTenantsList() throws Exception {
        OpportunityView deal = deal("Nube", "300");
        StageView lost = stage("Cancelada");

        String dialog = mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("stageId", lost.id().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(dialog).contains("name=\"lostReason\"", ">Precio<", ">Competencia<", "Elige un motivo de pérdida");

        mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .header("HX-Request", "true").param("stageId", lost.id().toString()).param("lostReason", "Competencia"))
                .andExpect(status().isOk());
        OpportunityView closed = cartera.asSystem(tenant, crm -> crm.opportunities().get(deal.id()));
        assertThat(closed.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(closed.lostReason()).isEqualTo("Competencia");
    }

    @Test
    void thePhoneMoveSelectMovesWithoutADialogWhenNothingIsMissing() throws Exception {
        OpportunityView deal = deal("Renting", "900");
        StageView negotiation = stage("En negociación");

        mvc.perform(post("/crm/opportunities/{id}/move", deal.id()).with(as("rep", tenant)).with(csrf())
                        .param("stageId", negotiation.id().toString()).param("version", "" + deal.version()))
                .andExpect(status().is3xxRedirection());

        assertThat(cartera.asSystem(tenant, crm -> crm.opportunities().get(deal.id())).stageName()).isEqualTo("En negociación");
    }

    @Test
    void theQuoteBuilderAddsCatalogueLinesAndUpdatesTheTotalsLive() throws Exception {
        UUID router = product(ProductDraft.product("ROUTER-1", "Router fibra", "120.00", "IVA21"));
        OpportunityView deal = deal("Conectividad", null);

        String page = mvc.perform(get("/crm/quotes/new").param("opportunity", deal.id().toString()).with(as("rep", tenant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nuevo presupuesto", "Añade productos del catálogo o una línea libre.", "Conectividad", "Librería Sol SL");
        assertThat(mvc.perform(get("/crm/quotes/products").param("q", "router").with(as("rep", tenant)).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString()).contains("Router fibra", "ROUTER-1", "120,00\u00a0€");

        String builder = mvc.perform(post("/crm/quotes/builder").with(as("rep", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("opportunityId", deal.id().toString()).param("accountId", account.toString())
                        .param("addProduct", router.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(builder).contains("value=\"Router fibra\"", "value=\"120\"", "Base imponible", "IVA 21 % sobre 120,00\u00a0€", "145,20\u00a0€");

        String totals = mvc.perform(post("/crm/quotes/totals").with(as("rep", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("opportunityId", deal.id().toString()).param("accountId", account.toString())
                        .param("lines[0].productId", router.toString()).param("lines[0].description", "Router fibra")
                        .param("lines[0].quantity", "2").param("lines[0].unitPrice", "120").param("lines[0].taxCode", "IVA21")
                        .param("lines[0].charge", "ONE_OFF")
                        .param("lines[1].description", "Soporte").param("lines[1].quantity", "1").param("lines[1].unitPrice", "30,5")
                        .param("lines[1].taxCode", "IVA10").param("lines[1].charge", "MONTHLY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(totals).contains("data-testid=\"totals-oneOff\"", "290,40\u00a0€", "data-testid=\"totals-recurringMonthly\"",
                "IVA 10 % sobre 30,50\u00a0€", "33,55\u00a0€", "data-testid=\"totals-recurringYearly\"", "366,00\u00a0€",
                "id=\"line-total-0\"", "hx-swap-oob=\"true\"", "240,00\u00a0€");
        java.util.List<QuoteView> none = cartera.asSystem(tenant, crm -> crm.quotes().ofOpportunity(deal.id()));
        assertThat(none).isEmpty();

        String invalid = mvc.perform(post("/crm/quotes/totals").with(as("rep", tenant)).with(csrf()).header("HX-Request", "true")
                        .param("opportunityId", deal.id().toString()).param("lines[0].description", "Libre")
                        .param("lines[0].quantity", "dos").param("lines[0].unitPrice", "10").param("lines[0].taxCode", "IVA21"))
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("Formato no válido");
    }

    @Test
    void aSavedQuoteIsSentAndAcceptedOnThePublicPageWhichWinsTheDeal() throws Exception {
        UUID router = product(ProductDraft.product("ROUTER-1", "Router fibra", "120.00", "IVA21"));
        UUID support = product(ProductDraft.service("SOP-MES", "Soporte mensual", "30", "IVA21", RecurrencePeriod.MONTHLY));
        OpportunityView deal = deal("Conectividad", null);

        MvcResult saved = mvc.perform(post("/crm/quotes/save").with(as("rep", tenant)).with(csrf())
                        .param("opportunityId", deal.id().toString()).param("accountId", account.toString()).param("title", "Conectividad")
                        .param("lines[0].productId", router.toString()).param("lines[0].quantity", "1").param("lines[0].unitPrice", "120")
                        .param("lines[0].taxCode", "IVA21").param("lines[0].charge", "ONE_OFF").param("lines[0].description", "Router fibra")
                        .param("lines[1].productId", support.toString()).param("lines[1].quantity", "1").param("lines[1].unitPrice", "30")
                        .param("lines[1].taxCode", "IVA21").param("lines[1].charge", "MONTHLY").param("lines[1].description", "Soporte mensual"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/crm/quotes/").endsWith("?saved");
        UUID quoteId = UUID.fromString(location.substring("/crm/quotes/".length(), location.indexOf('?')));
        String page = mvc.perform(get("/crm/quotes/{id}", quoteId).param("saved", "").with(as("rep", tenant)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Presupuesto guardado.", "Borrador", "chip-draft", "Descargar PDF", "Enviar presupuesto");

        MvcResult sent = mvc.perform(post("/crm/quotes/{id}/send", quoteId).with(as("rep", tenant)).with(csrf())
                        .param("to", "compras@libreriasol.es"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String link = (String) sent.getFlashMap().get("sentLink");
        assertThat(link).startsWith("http://localhost:8080/crm/public/quotes/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        var pdf = mvc.perform(get("/crm/quotes/{id}/pdf", quoteId).with(as("rep", tenant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andReturn();
        assertThat(pdf.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());

        String publicPage = mvc.perform(get("/crm/public/quotes/{token}", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("Ferretería Martínez SL", "Librería Sol SL", "Router fibra", "Soporte mensual", "Visto",
                "Aceptar presupuesto", "145,20\u00a0€", "Recurrente al mes").doesNotContain("data-testid=\"nav\"");
        mvc.perform(post("/crm/public/quotes/{token}/accept", token).with(csrf()).param("name", " "))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/crm/public/quotes/{token}/accept", token).with(csrf()).param("name", "Marta Ruiz")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        }))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/crm/public/quotes/{token}", token)).andReturn().getResponse().getContentAsString())
                .contains("Presupuesto aceptado.").doesNotContain("data-testid=\"public-accept\"");
        mvc.perform(get("/crm/public/quotes/{token}/pdf", token)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        QuoteView accepted = cartera.asSystem(tenant, crm -> crm.quotes().get(quoteId));
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(accepted.decidedFromIp()).isEqualTo("203.0.113.7");
        OpportunityView won = cartera.asSystem(tenant, crm -> crm.opportunities().get(deal.id()));
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        String board = mvc.perform(get("/crm/opportunities/board").with(as("rep", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(column(board, "Ganada")).contains("Conectividad");
        String dealPage = mvc.perform(get("/crm/opportunities/{id}", deal.id()).with(as("rep", tenant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dealPage).contains("Ganada", "Aceptado", "Presupuesto-", ".pdf", "Tiempo en cada fase", "En análisis");
        String card = mvc.perform(get("/crm/accounts/{id}", account).with(as("rep", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("data-testid=\"card-quotes\"", "Aceptado", "/crm/quotes/new?account=" + account);
    }

    @Test
    void aTamperedOrUnknownLinkIsAFriendlyNotFoundPage() throws Exception {
        String html = mvc.perform(get("/crm/public/quotes/{token}", "bm9wZQ.bm9wZQ"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Enlace no disponible", "Pida a su comercial").doesNotContain("Exception");
        mvc.perform(get("/crm/public/quotes/{token}/pdf", "bm9wZQ.bm9wZQ")).andExpect(status().isNotFound());
    }

    @Test
    void anAdminMakesAStageAskForFieldsAndKeepsTheCatalogueFromTheSettingsPages() throws Exception {
        StageView offer = stage("Oferta presentada");
        PipelineView pipeline = cartera.asSystem(tenant, crm -> crm.pipelines().defaultPipeline());
        assertThat(mvc.perform(get("/crm/opportunities/board").with(as("ana", tenant))).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"board-settings\"");
        assertThat(mvc.perform(get("/crm/settings/pipeline").with(as("ana", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Fases de «Ventas»", "Oferta presentada", "Precio", "Importe");

        mvc.perform(post("/crm/settings/pipeline/stages/{id}", offer.id()).with(as("ana", tenant)).with(csrf())
                        .param("pipeline", pipeline.id().toString()).param("name", "Oferta presentada").param("probability", "45")
                        .param("timeLimitDays", "10").param("required", "AMOUNT"))
                .andExpect(status().is3xxRedirection());
        StageView changed = stage("Oferta presentada");
        assertThat(changed.requiredFields()).containsExactly(DealField.AMOUNT);
        assertThat(changed.timeLimitDays()).isEqualTo(10);
        mvc.perform(post("/crm/settings/pipeline/stages/{id}", offer.id()).with(as("rep", tenant)).with(csrf())
                        .param("pipeline", pipeline.id().toString()).param("name", "Hackeada"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/crm/settings/catalogue/products").with(as("ana", tenant)).with(csrf()).param("sku", "hosting")
                        .param("name", "Alojamiento web").param("unitPrice", "9,90").param("taxCode", "IVA21").param("charge", "MONTHLY"))
                .andExpect(status().is3xxRedirection());
        String catalogue = mvc.perform(get("/crm/settings/catalogue").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(catalogue).contains("Alojamiento web", "HOSTING", "9,90\u00a0€", "Mensual", "IVA general 21 %", "Exento de IVA");
        String taken = mvc.perform(post("/crm/settings/catalogue/products").with(as("ana", tenant)).with(csrf()).param("sku", "HOSTING")
                        .param("name", "Otro").param("unitPrice", "1").param("taxCode", "IVA21"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("Esa referencia ya existe");
    }

    private OpportunityView deal(String name, String amount) {
        return cartera.asSystem(tenant, crm -> {
            UUID rep = crm.users().findByUsername("rep").orElseThrow().id();
            return crm.opportunities().create(new OpportunityDraft(name, account, null, null, null,
                    amount == null ? null : new BigDecimal(amount), null, null, rep, null, null, null));
        });
    }

    private UUID product(ProductDraft draft) {
        return cartera.asSystem(tenant, crm -> crm.catalog().createProduct(draft).id());
    }

    private StageView stage(String name) {
        return cartera.asSystem(tenant, crm -> crm.pipelines().defaultPipeline()).stages().stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private StageView requireAmountAndCloseDateFor(String name) {
        StageView stage = stage(name);
        cartera.asSystem(tenant, crm -> crm.pipelines().updateStage(stage.id(), null,
                StageDraft.open(stage.name(), stage.probability(), stage.timeLimitDays()).requiring(DealField.AMOUNT, DealField.EXPECTED_CLOSE_DATE)));
        return stage;
    }

    private static String column(String html, String stage) {
        int start = html.indexOf("data-stage-name=\"" + stage + "\"");
        assertThat(start).as("column %s", stage).isPositive();
        int end = html.indexOf("data-testid=\"board-column\"", start + 30);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
