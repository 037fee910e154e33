package dev.cartera.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.board.Board;
import dev.cartera.core.board.BoardFilter;
import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.PriceListDraft;
import dev.cartera.core.catalog.PriceListView;
import dev.cartera.core.catalog.ProductDraft;
import dev.cartera.core.catalog.ProductQuery;
import dev.cartera.core.catalog.ProductView;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxView;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.core.document.AttachedDocument;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.opportunity.DealField;
import dev.cartera.core.opportunity.LostReasonView;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineDraft;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageChangeView;
import dev.cartera.core.opportunity.StageDraft;
import dev.cartera.core.opportunity.StageDuration;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.opportunity.StuckDeal;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.PublicQuoteView;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteEvents;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuotePreview;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.quote.internal.QuoteLinks;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.testing.TwoTenantContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 on a real database (H2 and PostgreSQL): pipelines configured by admins, required fields
 * and lost reasons, stage timers and the Kanban, the catalogue, and quotes from draft to the
 * customer's acceptance through the signed link. Each test works in tenants of its own.
 */
abstract class PipelinesCatalogQuotesContract extends TwoTenantContract {
    private static final Branding BRAND = new Branding("Frutas Ana SL", null, "#2e7d32", "CIF B58378431 · Valencia");



    private void as(String user) {
        fx.session.as(org.tenant(), user);
    }

    private StageView stage(PipelineView pipeline, String name) {
        return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- pipelines, required fields, lost reasons

    @Test
    void onlyAdminsConfigurePipelinesAndEveryPipelineKeepsOpenWonAndLostStages() {
        PipelineDraft draft = new PipelineDraft("Renovaciones", List.of(StageDraft.open("Contactado", 20, 7),
                StageDraft.open("Propuesta", 50, 10), StageDraft.won("Renovada"), StageDraft.lost("No renueva")));
        for (String user : List.of("rep", "manager", "director")) {
            as(user);
            assertThatThrownBy(() -> crm.pipelines().create(draft)).isInstanceOf(AccessDeniedException.class);
        }
        as("admin");
        PipelineView created = crm.pipelines().create(draft);
        assertThat(created.stages()).extracting(StageView::name, StageView::position, StageView::kind).containsExactly(
                tuple("Contactado", 1, StageKind.OPEN), tuple("Propuesta", 2, StageKind.OPEN),
                tuple("Renovada", 3, StageKind.WON), tuple("No renueva", 4, StageKind.LOST));
        assertThat(crm.pipelines().list()).extracting(PipelineView::name).containsExactly("Ventas", "Renovaciones");

        assertThatThrownBy(() -> crm.pipelines().create(new PipelineDraft("Mal", List.of(StageDraft.won("A"), StageDraft.won("B"),
                StageDraft.open("C", 10, null)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::code)
                        .containsExactlyInAnyOrder("pipeline.one-won-stage-required", "pipeline.lost-stage-required",
                                "pipeline.closing-stages-last"));
        assertThatThrownBy(() -> crm.pipelines().create(new PipelineDraft("Sin abiertas", List.of(StageDraft.won("A"), StageDraft.lost("B")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::code)
                        .containsExactly("pipeline.open-stage-required"));

        PipelineView renamed = crm.pipelines().rename(created.id(), null, "Renovaciones anuales");
        PipelineView added = crm.pipelines().addStage(created.id(), null, StageDraft.open("Negociación", 70, 5));
        assertThat(added.name()).isEqualTo("Renovaciones anuales");
        assertThat(added.stages()).extracting(StageView::name)
                .containsExactly("Contactado", "Propuesta", "Negociación", "Renovada", "No renueva");
        List<UUID> reversedOpen = List.of(stage(added, "Negociación").id(), stage(added, "Propuesta").id(),
                stage(added, "Contactado").id(), stage(added, "Renovada").id(), stage(added, "No renueva").id());
        assertThat(crm.pipelines().reorderStages(created.id(), reversedOpen).stages()).extracting(StageView::name)
                .containsExactly("Negociación", "Propuesta", "Contactado", "Renovada", "No renueva");
        assertThatThrownBy(() -> crm.pipelines().reorderStages(created.id(), reversedOpen.subList(0, 4)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.pipelines().removeStage(stage(added, "Renovada").id(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::code)
                        .contains("pipeline.one-won-stage-required"));
        assertThat(renamed.name()).isEqualTo("Renovaciones anuales");

        as("rep");
        assertThatThrownBy(() -> crm.pipelines().rename(created.id(), null, "Mío")).isInstanceOf(AccessDeniedException.class);
        fx.session.as(otherOrg.tenant(), "admin");
        assertThatThrownBy(() -> crm.pipelines().get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStageWithDealsIsRemovedOnlyByMovingItsDealsElsewhere() {
        as("rep");
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        StageView offer = stage(pipeline, "Oferta presentada");
        OpportunityView deal = crm.opportunities().create(new OpportunityDraft("Menaje", null, null, null, offer.id(),
                new BigDecimal("1200"), null, null, null, null, null, null));

        as("admin");
        assertThatThrownBy(() -> crm.pipelines().removeStage(offer.id(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stage.has-deals"));
        assertThatThrownBy(() -> crm.pipelines().removeStage(offer.id(), stage(pipeline, "Ganada").id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("stage.kind-differs"));
        assertThatThrownBy(() -> crm.pipelines().updateStage(offer.id(), null, StageDraft.won("Oferta presentada")))
                .isInstanceOf(ConflictException.class);
        fx.clock.advanceDays(1);
        PipelineView after = crm.pipelines().removeStage(offer.id(), stage(pipeline, "En negociación").id());

        assertThat(after.stages()).extracting(StageView::name, StageView::position).containsExactly(
                tuple("En análisis", 1), tuple("En negociación", 2), tuple("Ganada", 3), tuple("Cancelada", 4));
        as("rep");
        OpportunityView moved = crm.opportunities().get(deal.id());
        assertThat(moved.stageName()).isEqualTo("En negociación");
        assertThat(crm.opportunities().history(deal.id())).last()
                .satisfies(c -> {
                    assertThat(c.automatic()).isTrue();
                    assertThat(c.changedBy()).isEqualTo("admin");
                    assertThat(c.changedAt()).isEqualTo(fx.clock.instant());
                });
    }

    @Test
    void aStageAsksForItsRequiredFieldsAndThoseOfTheStagesBeforeIt() {
        as("admin");
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        StageView offer = stage(pipeline, "Oferta presentada");
        crm.pipelines().updateStage(offer.id(), null,
                StageDraft.open(offer.name(), offer.probability(), offer.timeLimitDays()).requiring(DealField.AMOUNT, DealField.EXPECTED_CLOSE_DATE));
        StageView negotiation = stage(pipeline, "En negociación");
        assertThat(crm.pipelines().updateStage(negotiation.id(), null,
                StageDraft.open(negotiation.name(), 70, 21).requiring(DealField.ACCOUNT)).stages())
                .extracting(StageView::requiredFields).contains(Set.of(DealField.AMOUNT, DealField.EXPECTED_CLOSE_DATE), Set.of(DealField.ACCOUNT));

        as("rep");
        OpportunityView deal = crm.opportunities().create(OpportunityDraft.named("Reforma", null, null));
        assertThatThrownBy(() -> crm.opportunities().moveToStage(deal.id(), null, offer.id(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("amount", "stage.field-required"), new FieldError("expectedCloseDate", "stage.field-required")));
        assertThatThrownBy(() -> crm.opportunities().moveToStage(deal.id(), null, negotiation.id(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("amount", "expectedCloseDate", "accountId"));
        assertThat(crm.opportunities().history(deal.id())).hasSize(1);

        AccountView account = crm.accounts().create(AccountDraft.company("Obras Sur SL"));
        OpportunityView filled = crm.opportunities().update(deal.id(), null, new OpportunityDraft("Reforma", account.id(), null, null,
                null, new BigDecimal("8000"), null, LocalDate.parse("2026-04-30"), null, null, null, null));
        assertThat(crm.opportunities().moveToStage(filled.id(), null, negotiation.id(), null).stageName()).isEqualTo("En negociación");
        assertThatThrownBy(() -> crm.opportunities().create(new OpportunityDraft("Directa", null, null, null, offer.id(), null, null,
                null, null, null, null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void lostReasonsAreTheTenantsConfigurableList() {
        as("rep");
        assertThat(crm.pipelines().lostReasons()).extracting(LostReasonView::name)
                .containsExactly("Precio", "Competencia", "Sin presupuesto", "Sin respuesta", "Otro");
        OpportunityView a = crm.opportunities().create(OpportunityDraft.named("A", null, null));
        assertThatThrownBy(() -> crm.opportunities().markLost(a.id(), null, "Me caes mal"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("lostReason", "lost-reason.unknown")));
        assertThat(crm.opportunities().markLost(a.id(), null, "  sin PRESUPUESTO ").lostReason()).isEqualTo("Sin presupuesto");
        assertThatThrownBy(() -> crm.pipelines().addLostReason("Plazo")).isInstanceOf(AccessDeniedException.class);

        as("admin");
        LostReasonView plazo = crm.pipelines().addLostReason("Plazo de entrega");
        assertThatThrownBy(() -> crm.pipelines().addLostReason("precio")).isInstanceOf(ConflictException.class);
        UUID otro = crm.pipelines().lostReasons().stream().filter(r -> r.name().equals("Otro")).findFirst().orElseThrow().id();
        crm.pipelines().setLostReasonActive(otro, false);
        assertThat(crm.pipelines().renameLostReason(plazo.id(), null, "Plazo de entrega largo").name()).isEqualTo("Plazo de entrega largo");
        assertThat(crm.pipelines().allLostReasons()).hasSize(6);

        as("rep");
        OpportunityView b = crm.opportunities().create(OpportunityDraft.named("B", null, null));
        assertThatThrownBy(() -> crm.opportunities().markLost(b.id(), null, "Otro")).isInstanceOf(ValidationException.class);
        assertThat(crm.opportunities().markLost(b.id(), null, "plazo de entrega largo").status()).isEqualTo(OpportunityStatus.LOST);
        fx.session.as(otherOrg.tenant(), "rep");
        assertThat(crm.pipelines().lostReasons()).extracting(LostReasonView::name).contains("Otro").doesNotContain("Plazo de entrega largo");
    }

    // ---- timers, stuck deals, board

    @Test
    void theClockInAStageRunsPastItsLimitAndTheDealShowsAsStuck() {
        as("rep");
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        OpportunityView deal = crm.opportunities().create(OpportunityDraft.named("Toldos", null, new BigDecimal("900")));
        Instant created = fx.clock.instant();
        fx.clock.advanceDays(14);
        assertThat(crm.opportunities().get(deal.id()).overLimit(fx.clock.instant())).isFalse();
        assertThat(crm.opportunities().stuckDeals(fx.clock.instant())).isEmpty();
        fx.clock.set(fx.clock.instant().plusSeconds(3600));

        OpportunityView late = crm.opportunities().get(deal.id());
        assertThat(late.overLimit(fx.clock.instant())).isTrue();
        assertThat(late.daysInStage(fx.clock.instant())).isEqualTo(14);
        assertThat(late.timeInStage(fx.clock.instant())).isEqualTo(Duration.ofDays(14).plusHours(1));
        assertThat(crm.opportunities().stuckDeals(fx.clock.instant())).singleElement().satisfies(s -> {
            assertThat(s.opportunityId()).isEqualTo(deal.id());
            assertThat(s.stageName()).isEqualTo("En análisis");
            assertThat(s.timeLimitDays()).isEqualTo(14);
            assertThat(s.stageEnteredAt()).isEqualTo(created);
        });
        as("rep3");
        assertThat(crm.opportunities().stuckDeals(fx.clock.instant())).isEmpty();
        List<StuckDeal> forRules = crm.asSystem(org.tenant(), c -> c.opportunities().stuckDeals(fx.clock.instant()));
        assertThat(forRules).extracting(StuckDeal::opportunityId).containsExactly(deal.id());

        as("rep");
        fx.clock.advanceDays(1);
        OpportunityView moved = crm.opportunities().moveToStage(deal.id(), null, stage(pipeline, "Oferta presentada").id(), null);
        assertThat(moved.overLimit(fx.clock.instant())).isFalse();
        assertThat(moved.ageDays(fx.clock.instant())).isEqualTo(15);
        assertThat(crm.opportunities().stuckDeals(fx.clock.instant())).isEmpty();
        assertThat(crm.opportunities().history(deal.id())).extracting(StageChangeView::changedAt)
                .containsExactly(created, fx.clock.instant());
        fx.clock.advanceDays(2);
        assertThat(crm.opportunities().timeInStages(deal.id(), fx.clock.instant()))
                .extracting(StageDuration::stageName, StageDuration::duration)
                .containsExactly(tuple("En análisis", Duration.ofDays(15).plusHours(1)), tuple("Oferta presentada", Duration.ofDays(2)));
    }

    @Test
    void theBoardShowsAColumnPerStageWithCountsAmountsTimersAndTheCallersScope() {
        as("admin");
        ProductView web = crm.catalog().createProduct(ProductDraft.service("WEB-M", "Mantenimiento web", "49", "IVA21", RecurrencePeriod.MONTHLY));
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        StageView analysis = stage(pipeline, "En análisis");
        StageView offer = stage(pipeline, "Oferta presentada");

        as("rep");
        AccountView bar = crm.accounts().create(AccountDraft.company("Bar Pepe SL"));
        OpportunityView a = crm.opportunities().create(OpportunityDraft.named("Web bar", bar.id(), new BigDecimal("1000")));
        OpportunityView b = crm.opportunities().create(new OpportunityDraft("Tienda online", bar.id(), null, null, offer.id(),
                new BigDecimal("2500.50"), null, null, null, null, null, null));
        crm.quotes().create(QuoteDraft.forDeal(b.id(), List.of(QuoteLineDraft.ofProduct(web.id(), "1"))));
        as("rep2");
        OpportunityView c = crm.opportunities().create(OpportunityDraft.named("Logo", null, new BigDecimal("300")));
        as("rep3");
        crm.opportunities().create(OpportunityDraft.named("Fuera del equipo", null, new BigDecimal("7000")));
        fx.clock.advanceDays(15);

        as("manager");
        Board board = crm.board().board(pipeline.id(), BoardFilter.none());
        assertThat(board.columns()).extracting(Board.Column::name, Board.Column::count)
                .containsExactly(tuple("En análisis", 2), tuple("Oferta presentada", 1), tuple("En negociación", 0),
                        tuple("Ganada", 0), tuple("Cancelada", 0));
        Board.Column first = board.columns().get(0);
        assertThat(first.amount()).isEqualByComparingTo("1300");
        assertThat(first.weightedAmount()).isEqualByComparingTo("130.00");
        assertThat(board.columns().get(1).weightedAmount()).isEqualByComparingTo("1000.20");
        assertThat(first.cards()).extracting(Board.Card::name, Board.Card::accountName, Board.Card::ownerName, Board.Card::daysInStage,
                Board.Card::overLimit).containsExactlyInAnyOrder(tuple("Web bar", "Bar Pepe SL", "Rep", 15L, true),
                tuple("Logo", null, "Rep2", 15L, true));
        assertThat(crm.board().board(pipeline.id(), BoardFilter.none().owner(org.rep2())).columns().get(0).cards())
                .extracting(Board.Card::opportunityId).containsExactly(c.id());
        assertThat(crm.board().board(pipeline.id(), BoardFilter.none().product(web.id())).columns())
                .flatExtracting(Board.Column::cards).extracting(Board.Card::opportunityId).containsExactly(b.id());
        assertThat(crm.board().board(pipeline.id(), BoardFilter.none().team(org.teamB())).columns())
                .flatExtracting(Board.Column::cards).isEmpty();

        as("rep");
        assertThat(crm.board().board(pipeline.id(), BoardFilter.none()).columns()).flatExtracting(Board.Column::cards)
                .extracting(Board.Card::opportunityId).containsExactlyInAnyOrder(a.id(), b.id());
        as("director");
        assertThat(crm.board().board(pipeline.id(), BoardFilter.none()).columns().get(0).count()).isEqualTo(3);
        assertThat(analysis.timeLimitDays()).isEqualTo(14);
    }

    // ---- catalogue

    @Test
    void everyTenantGetsTheTaxesOfSpainAndAdminsKeepTheCatalogue() {
        as("rep");
        List<TaxView> taxes = crm.catalog().taxes();
        assertThat(taxes).extracting(TaxView::code).containsExactlyInAnyOrder("IVA21", "IVA10", "IVA4", "IVA0", "IGIC7", "IGIC3",
                "IGIC0", "RE5.2", "RE1.4", "RE0.5", "EXENTO");
        assertThat(taxes).filteredOn(t -> t.code().equals("EXENTO")).singleElement()
                .satisfies(t -> assertThat(t.legalNote()).contains("artículo 20 de la Ley 37/1992"));
        assertThat(taxes).filteredOn(t -> t.code().equals("RE5.2")).singleElement()
                .satisfies(t -> assertThat(t.rate()).isEqualByComparingTo("5.2"));
        assertThatThrownBy(() -> crm.catalog().createProduct(ProductDraft.product("P-1", "Silla", "40", "IVA21")))
                .isInstanceOf(AccessDeniedException.class);

        as("admin");
        ProductView chair = crm.catalog().createProduct(ProductDraft.product(" p-1 ", "Silla", "40", "IVA21"));
        assertThat(chair.sku()).isEqualTo("P-1");
        assertThatThrownBy(() -> crm.catalog().createProduct(ProductDraft.product("P-1", "Otra silla", "41", "IVA21")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("product.sku.taken"));
        assertThatThrownBy(() -> crm.catalog().createProduct(new ProductDraft("S-1", "Cuota", null, null,
                dev.cartera.core.catalog.ProductKind.SERVICE, Billing.RECURRING, null, BigDecimal.TEN, "EUR", "IVA21", null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("recurrencePeriod"));
        assertThatThrownBy(() -> crm.catalog().createProduct(ProductDraft.product("P-2", "Mesa", "90", "IVA99")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("tax.unknown"));
        ProductView hosting = crm.catalog().createProduct(ProductDraft.service("HOST-Y", "Alojamiento", "120", "IVA21", RecurrencePeriod.YEARLY));
        assertThat(hosting.billing()).isEqualTo(Billing.RECURRING);

        PriceListView retail = crm.catalog().createPriceList(PriceListDraft.forSegment("Minoristas 2026", "retail",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30")));
        crm.catalog().setPrice(retail.id(), chair.id(), new BigDecimal("36"), null);
        crm.catalog().setPrice(retail.id(), chair.id(), new BigDecimal("32"), new BigDecimal("10"));
        PriceListView general = crm.catalog().createPriceList(new PriceListDraft("General", "EUR", null, null, null, true));
        crm.catalog().setPrice(general.id(), chair.id(), new BigDecimal("39"), null);
        assertThat(crm.catalog().priceList(retail.id()).items()).extracting(PriceListView.Item::sku).containsOnly("P-1");

        as("rep");
        LocalDate march = LocalDate.parse("2026-03-02");
        assertThat(crm.catalog().priceFor(chair.id(), "retail", march, BigDecimal.ONE).unitPrice()).isEqualByComparingTo("36");
        assertThat(crm.catalog().priceFor(chair.id(), "RETAIL", march, new BigDecimal("12")).unitPrice()).isEqualByComparingTo("32");
        assertThat(crm.catalog().priceFor(chair.id(), "retail", LocalDate.parse("2026-07-01"), BigDecimal.ONE).unitPrice())
                .isEqualByComparingTo("39");
        assertThat(crm.catalog().priceFor(chair.id(), "horeca", march, BigDecimal.ONE).priceListId()).isEqualTo(general.id());
        assertThat(crm.catalog().priceFor(hosting.id(), "retail", march, BigDecimal.ONE).unitPrice()).isEqualByComparingTo("120");
        assertThat(crm.catalog().products(new ProductQuery("silla", null, false), PageRequest.first(10)).items())
                .extracting(ProductView::id).containsExactly(chair.id());
        fx.session.as(otherOrg.tenant(), "admin");
        assertThat(crm.catalog().productBySku("P-1")).isEmpty();
        assertThat(crm.catalog().createProduct(ProductDraft.product("P-1", "Silla ajena", "10", "IGIC7")).sku()).isEqualTo("P-1");
        assertThatThrownBy(() -> crm.catalog().updateProduct(chair.id(), null, ProductDraft.product("P-9", "Robada", "1", "IVA21")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.catalog().setPrice(retail.id(), chair.id(), BigDecimal.ONE, null)).isInstanceOf(NotFoundException.class);
    }

    // ---- quotes

    private record Sale(AccountView account, OpportunityView deal, ProductView laptop, ProductView support) {
    }

    private Sale sale() {
        as("admin");
        ProductView laptop = crm.catalog().createProduct(ProductDraft.product("PORT-1", "Portátil", "699.99", "IVA21"));
        ProductView support = crm.catalog().createProduct(ProductDraft.service("SOP-T", "Soporte técnico", "90", "IVA21",
                RecurrencePeriod.QUARTERLY));
        PriceListView retail = crm.catalog().createPriceList(PriceListDraft.forSegment("Minoristas", "retail", null, null));
        crm.catalog().setPrice(retail.id(), laptop.id(), new BigDecimal("649.99"), null);
        as("rep");
        AccountView account = crm.accounts().create(new AccountDraft(AccountKind.COMPANY, "Librería Sol SL", null, null, null, null,
                null, null, "Sevilla", null, null, null, null, null, true, false, false, null, null, "retail", null));
        OpportunityView deal = crm.opportunities().create(OpportunityDraft.named("Equipos tienda", account.id(), null));
        return new Sale(account, deal, laptop, support);
    }

    private QuoteDraft draftFor(Sale s) {
        return QuoteDraft.forDeal(s.deal().id(), List.of(
                QuoteLineDraft.ofProduct(s.laptop().id(), "2").withDiscountPercent("5"),
                QuoteLineDraft.ofProduct(s.support().id(), "1"),
                QuoteLineDraft.freeText("Libros de formación", "3", "25", "IVA4")));
    }

    @Test
    void theSimulationResolvesCatalogueAndPriceListAndIsSavedOnlyWhenAsked() {
        Sale s = sale();
        QuotePreview preview = crm.quotes().calculate(draftFor(s));
        assertThat(preview.lines()).extracting(l -> l.description(), l -> l.unitPrice().toPlainString(), l -> l.taxCode(), l -> l.billing())
                .containsExactly(tuple("Portátil", "649.9900", "IVA21", Billing.ONE_OFF),
                        tuple("Soporte técnico", "90.0000", "IVA21", Billing.RECURRING), tuple("Libros de formación", "25", "IVA4", Billing.ONE_OFF));
        // 2 × 649.99 − 5 % = 1234.981 → 1234.98 at 21 %; 75 at 4 %; 90 a quarter = 30 a month, 360 a year.
        assertThat(preview.totals().oneOff().net()).isEqualByComparingTo("1309.98");
        assertThat(preview.totals().oneOff().taxes()).extracting(t -> t.code(), t -> t.base().toPlainString(), t -> t.tax().toPlainString())
                .containsExactly(tuple("IVA21", "1234.98", "259.35"), tuple("IVA4", "75.00", "3.00"));
        assertThat(preview.totals().oneOff().gross()).isEqualByComparingTo("1572.33");
        assertThat(preview.totals().recurringMonthly().gross()).isEqualByComparingTo("36.30");
        assertThat(preview.totals().recurringYearly().net()).isEqualByComparingTo("360.00");
        assertThat(crm.quotes().ofOpportunity(s.deal().id())).isEmpty();

        QuoteView saved = crm.quotes().create(draftFor(s).withEquivalenceSurcharge());
        assertThat(saved.number()).isEqualTo("P-2026-0001");
        assertThat(saved.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(saved.validUntil()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(saved.accountId()).isEqualTo(s.account().id());
        assertThat(saved.ownerId()).isEqualTo(org.rep());
        assertThat(saved.priceListId()).isEqualTo(crm.catalog().priceLists().get(0).id());
        assertThat(saved.totals().oneOff().taxes()).extracting(t -> t.code(), t -> t.tax().toPlainString())
                .containsExactly(tuple("IVA21", "259.35"), tuple("IVA4", "3.00"), tuple("RE5.2", "64.22"), tuple("RE0.5", "0.38"));
        assertThat(crm.quotes().get(saved.id()).totals()).isEqualTo(saved.totals());
        assertThat(crm.quotes().ofAccount(s.account().id())).extracting(QuoteView::id).containsExactly(saved.id());
        assertThat(fx.events).hasAtLeastOneElementOfType(QuoteEvents.QuoteCreated.class);

        assertThatThrownBy(() -> crm.quotes().calculate(QuoteDraft.forDeal(s.deal().id(),
                List.of(QuoteLineDraft.freeText("Sin impuesto", "1", "10", null), QuoteLineDraft.freeText(" ", "1", "10", "IVA21")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("lines[0].taxCode", "lines[1].description"));
        as("rep2");
        assertThatThrownBy(() -> crm.quotes().get(saved.id())).isInstanceOf(NotFoundException.class);
        as("manager");
        assertThat(crm.quotes().get(saved.id()).number()).isEqualTo("P-2026-0001");
        fx.session.as(otherOrg.tenant(), "director");
        assertThatThrownBy(() -> crm.quotes().get(saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.quotes().newVersion(saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.quotes().create(QuoteDraft.forDeal(s.deal().id(), List.of())))
                .isInstanceOf(NotFoundException.class);
        UUID foreignCustomer = crm.accounts().create(AccountDraft.company("Ajena SL")).id();
        assertThatThrownBy(() -> crm.quotes().calculate(new QuoteDraft(null, foreignCustomer, null, null, null, null, null, null, false,
                null, List.of(QuoteLineDraft.ofProduct(s.laptop().id(), "1"))))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSentQuoteIsViewedAndAcceptedThroughItsLinkAndWinsTheDeal() throws IOException {
        Sale s = sale();
        QuoteView quote = crm.quotes().create(draftFor(s));
        SentQuote sent = crm.quotes().send(quote.id(), quote.version(), new SendQuote("compras@libreriasol.es", "Hola Marta:", BRAND));

        assertThat(sent.quote().status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.linkExpiresAt()).isEqualTo(Instant.parse("2026-04-01T22:00:00Z"));
        Mailer.Message mail = fx.mails.get(0);
        assertThat(mail.to()).isEqualTo("compras@libreriasol.es");
        assertThat(mail.text()).contains("Hola Marta:", sent.link(), "01/04/2026");
        assertThat(mail.attachments()).singleElement().satisfies(a -> assertThat(a.filename()).isEqualTo("Presupuesto-P-2026-0001-v1.pdf"));
        String token = sent.link().substring("https://crm.example.es/crm/public/quotes/".length());
        String stored = crm.asSystem(org.tenant(), c -> c.transactions().read(w -> w.em()
                .createQuery("select q.publicTokenHash from Quote q", String.class).getSingleResult()));
        assertThat(stored).isEqualTo(QuoteLinks.hash(token)).doesNotContain(token);

        List<AttachedDocument> documents = crm.quotes().documentsOfDeal(s.deal().id());
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DocumentCategory.OFFER);
            assertThat(d.mediaType()).isEqualTo("application/pdf");
        });
        String pdf = text(crm.quotes().storedPdf(quote.id()).orElseThrow());
        assertThat(pdf).contains("Frutas Ana SL", "Presupuesto P-2026-0001", "Librería Sol SL", "Portátil", "IVA 21 %", "1.572,33");
        assertThat(text(mail.attachments().get(0).content())).isEqualTo(pdf);

        fx.clock.advanceDays(2);
        fx.session.as("nobody-logged-in", null);
        PublicQuoteView seen = crm.quotes().viewByToken(token);
        assertThat(seen.status()).isEqualTo(QuoteStatus.VIEWED);
        assertThat(seen.customerName()).isEqualTo("Librería Sol SL");
        assertThat(seen.totals().oneOff().gross()).isEqualByComparingTo("1572.33");
        fx.clock.advanceDays(1);
        PublicQuoteView accepted = crm.quotes().acceptByToken(token, "Marta Ruiz", "203.0.113.7");
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThatThrownBy(() -> crm.quotes().acceptByToken(token, "Marta Ruiz", "203.0.113.7"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("quote.already-decided"));

        as("rep");
        QuoteView decided = crm.quotes().get(quote.id());
        assertThat(decided.decidedByName()).isEqualTo("Marta Ruiz");
        assertThat(decided.decidedFromIp()).isEqualTo("203.0.113.7");
        assertThat(decided.decidedAt()).isEqualTo(fx.clock.instant());
        assertThat(decided.viewedAt()).isEqualTo(fx.clock.instant().minus(Duration.ofDays(1)));
        OpportunityView won = crm.opportunities().get(s.deal().id());
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.stageName()).isEqualTo("Ganada");
        assertThat(won.amount()).isEqualByComparingTo("1669.98");
        assertThat(crm.opportunities().history(s.deal().id())).last().satisfies(c -> assertThat(c.automatic()).isTrue());
        assertThat(fx.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(QuoteEvents.QuoteAccepted.class, a -> {
            assertThat(a.quoteId()).isEqualTo(quote.id());
            assertThat(a.opportunityId()).isEqualTo(s.deal().id());
            assertThat(a.customerName()).isEqualTo("Marta Ruiz");
            assertThat(a.oneOffGross()).isEqualByComparingTo("1572.33");
        }));
        assertThat(fx.events).hasAtLeastOneElementOfType(QuoteEvents.QuoteViewed.class)
                .hasAtLeastOneElementOfType(dev.cartera.core.opportunity.OpportunityEvents.OpportunityWon.class);
    }

    @Test
    void theLinkRefusesExpiredTamperedRevokedAndOtherTenantsTokens() {
        Sale s = sale();
        QuoteView quote = crm.quotes().create(draftFor(s).withValidUntil(LocalDate.parse("2026-03-10")));
        String token = token(crm.quotes().send(quote.id(), null, new SendQuote("a@libreriasol.es", null, BRAND)));

        int dot = token.indexOf('.');
        char last = token.charAt(token.length() - 1);
        String badSignature = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1|" + otherOrg.tenant() + "|" + quote.id() + "|9999999999|00").getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
        for (String forged : List.of(badSignature, otherPayload, "garbage", token + "x", "")) {
            assertThatThrownBy(() -> crm.quotes().viewByToken(forged))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("quote.link.invalid"));
        }
        // Even a correctly signed token naming the quote under another tenant finds nothing there.
        QuoteLinks links = new QuoteLinks("cartera-test-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
        String crossTenant = links.issue(otherOrg.tenant(), quote.id(), Instant.parse("2026-12-31T00:00:00Z"));
        assertThatThrownBy(() -> crm.quotes().viewByToken(crossTenant)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.quotes().acceptByToken(crossTenant, "Intruso", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.quotes().acceptByToken(token, " ", null)).isInstanceOf(ValidationException.class);

        as("rep");
        QuoteView second = crm.quotes().newVersion(quote.id());
        assertThat(second.number()).isEqualTo(quote.number());
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(second.lines()).extracting(l -> l.description()).containsExactly("Portátil", "Soporte técnico", "Libros de formación");
        assertThat(second.totals()).isEqualTo(quote.totals());
        assertThatThrownBy(() -> crm.quotes().viewByToken(token))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("quote.link.invalid"));
        assertThatThrownBy(() -> crm.quotes().update(quote.id(), null, draftFor(s)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("quote.not-draft"));

        String secondToken = token(crm.quotes().send(second.id(), null, new SendQuote("a@libreriasol.es", null, BRAND)));
        assertThat(crm.quotes().viewByToken(secondToken).versionNo()).isEqualTo(2);
        fx.clock.set(Instant.parse("2026-03-10T22:59:59Z"));
        assertThat(crm.quotes().viewByToken(secondToken).status()).isEqualTo(QuoteStatus.VIEWED);
        fx.clock.set(Instant.parse("2026-03-10T23:00:00Z"));
        assertThatThrownBy(() -> crm.quotes().acceptByToken(secondToken, "Marta", null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("quote.link.expired"));
        assertThat((int) crm.asSystem(org.tenant(), c -> c.quotes().expireOverdue())).isEqualTo(2);
        as("rep");
        assertThat(crm.quotes().get(second.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(crm.opportunities().get(s.deal().id()).status()).isEqualTo(OpportunityStatus.OPEN);
    }

    @Test
    void aRejectedQuoteRecordsTheReasonAndLeavesTheDealOpen() {
        Sale s = sale();
        QuoteView quote = crm.quotes().create(draftFor(s));
        String token = token(crm.quotes().send(quote.id(), null, new SendQuote("a@libreriasol.es", null, BRAND)));
        PublicQuoteView rejected = crm.quotes().rejectByToken(token, "Marta Ruiz", "2001:db8::1", "Muy caro");
        assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);
        as("rep");
        assertThat(crm.quotes().get(quote.id()).decisionNote()).isEqualTo("Muy caro");
        assertThat(crm.opportunities().get(s.deal().id()).status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(fx.events).hasAtLeastOneElementOfType(QuoteEvents.QuoteRejected.class);
        assertThatThrownBy(() -> crm.quotes().send(quote.id(), null, new SendQuote("a@libreriasol.es", null, BRAND)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void noWritePathReachesAnotherTenantsConfigurationOrQuotes() {
        Sale s = sale();
        QuoteView quote = crm.quotes().create(draftFor(s));
        as("admin");
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        StageView first = pipeline.stages().get(0);
        LostReasonView reason = crm.pipelines().lostReasons().get(0);
        PriceListView list = crm.catalog().priceLists().get(0);
        UUID item = list.items().get(0).id();

        fx.session.as(otherOrg.tenant(), "admin");
        List<Runnable> writes = List.of(
                () -> crm.pipelines().rename(pipeline.id(), null, "Robado"),
                () -> crm.pipelines().makeDefault(pipeline.id()),
                () -> crm.pipelines().addStage(pipeline.id(), null, StageDraft.open("Intrusa", 5, null)),
                () -> crm.pipelines().updateStage(first.id(), null, StageDraft.open("Intrusa", 5, null)),
                () -> crm.pipelines().reorderStages(pipeline.id(), pipeline.stages().stream().map(StageView::id).toList()),
                () -> crm.pipelines().removeStage(first.id(), null),
                () -> crm.pipelines().renameLostReason(reason.id(), null, "Robada"),
                () -> crm.pipelines().setLostReasonActive(reason.id(), false),
                () -> crm.catalog().updatePriceList(list.id(), null, PriceListDraft.forSegment("Robada", null, null, null)),
                () -> crm.catalog().removePrice(list.id(), item),
                () -> crm.quotes().update(quote.id(), null, QuoteDraft.forDeal(s.deal().id(), List.of())),
                () -> crm.quotes().send(quote.id(), null, new SendQuote("x@ejemplo.es", null, BRAND)),
                () -> crm.quotes().attachPdf(quote.id(), BRAND),
                () -> crm.quotes().pdf(quote.id(), BRAND),
                () -> crm.quotes().ofOpportunity(s.deal().id()),
                () -> crm.quotes().documentsOfDeal(s.deal().id()));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run).isInstanceOf(NotFoundException.class);
        }
        assertThat(crm.quotes().expireOverdue()).isZero();
        assertThat(crm.catalog().saveTax(new dev.cartera.core.catalog.TaxDraft("IVA21", "IVA ajeno", dev.cartera.core.catalog.TaxKind.IVA,
                new BigDecimal("20"), null, true)).rate()).isEqualByComparingTo("20");

        as("admin");
        assertThat(crm.pipelines().get(pipeline.id())).isEqualTo(pipeline);
        assertThat(crm.pipelines().lostReasons()).contains(reason);
        assertThat(crm.catalog().priceList(list.id()).items()).hasSize(1);
        assertThat(crm.catalog().taxes()).filteredOn(t -> t.code().equals("IVA21")).singleElement()
                .satisfies(t -> assertThat(t.rate()).isEqualByComparingTo("21"));
        assertThat(crm.quotes().get(quote.id()).status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(fx.mails).isEmpty();
    }

    private static String token(SentQuote sent) {
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
