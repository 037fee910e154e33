package dev.cartera.demo.seed;

import dev.cartera.core.Cartera;
import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.PriceListDraft;
import dev.cartera.core.catalog.ProductDraft;
import dev.cartera.core.catalog.ProductKind;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.demo.DemoClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Suministros Levante's catalogue (goods at IVA 21, 10 and 4 % and recurring services) and a handful
 * of quotes on its open deals, one in each state a rep meets: a draft, one sent, one the customer has
 * seen, one accepted (which won its deal) and one rejected. Loaded after the timeline, dated in the
 * last days, so the quotes are current and their links valid.
 */
final class DemoCatalogue {
    static final Branding BRANDING = new Branding("Suministros Levante S.L.", null, "#0f5c8c",
            "CIF B46123456 · Av. del Puerto 120, 46023 Valencia");

    private DemoCatalogue() {
    }

    static void load(Cartera cartera, DemoClock clock, String tenant, Instant now) {
        Map<String, UUID> products = clock.at(now.minus(Duration.ofDays(40)), () -> cartera.asSystem(tenant, DemoCatalogue::catalogue));
        List<OpportunityView> open = cartera.asSystem(tenant, crm -> crm.opportunities()
                .search(new OpportunityQuery(null, OpportunityStatus.OPEN, null, null, null, null), new PageRequest(0, 60)).items())
                .stream().filter(o -> o.accountId() != null).sorted(Comparator.comparing(OpportunityView::createdAt)).toList();
        if (open.size() < 5) {
            return;
        }
        Instant drafted = now.minus(Duration.ofDays(6));
        List<QuoteView> quotes = clock.at(drafted, () -> cartera.asSystem(tenant, crm -> List.of(
                crm.quotes().create(draft(open.get(0), "Equipamiento cafetería", List.of(
                        QuoteLineDraft.ofProduct(products.get("CAF-2G"), "1"),
                        QuoteLineDraft.ofProduct(products.get("MANT-CAF"), "1"),
                        QuoteLineDraft.ofProduct(products.get("CAFE-1KG"), "12")))),
                crm.quotes().create(draft(open.get(1), "Reposición de temporada", List.of(
                        QuoteLineDraft.ofProduct(products.get("VAJ-48"), "4").withDiscountPercent("5"),
                        QuoteLineDraft.ofProduct(products.get("PAN-60"), "10")))),
                crm.quotes().create(draft(open.get(2), "TPV y software", List.of(
                        QuoteLineDraft.ofProduct(products.get("TPV-T"), "1"),
                        QuoteLineDraft.ofProduct(products.get("TPV-SAAS"), "1")))),
                crm.quotes().create(draft(open.get(3), "Cámara frigorífica", List.of(
                        QuoteLineDraft.ofProduct(products.get("CAM-FRIG"), "1"),
                        QuoteLineDraft.ofProduct(products.get("REV-FRIO"), "1"),
                        QuoteLineDraft.freeText("Instalación y puesta en marcha", "1", "180", "IVA21")))),
                crm.quotes().create(draft(open.get(4), "Menaje para terraza", List.of(
                        QuoteLineDraft.ofProduct(products.get("VAJ-48"), "2"),
                        QuoteLineDraft.ofProduct(products.get("MANUAL"), "3")))))));
        Instant sentAt = now.minus(Duration.ofDays(5));
        List<String> tokens = clock.at(sentAt, () -> cartera.asSystem(tenant, crm -> quotes.subList(1, 5).stream()
                .map(q -> token(crm.quotes().send(q.id(), null, new SendQuote(recipient(crm, q), "Buenos días: adjuntamos el presupuesto.",
                        BRANDING))))
                .toList()));
        clock.at(now.minus(Duration.ofDays(3)), () -> {
            cartera.quotes().viewByToken(tokens.get(1));
            cartera.quotes().viewByToken(tokens.get(2));
            cartera.quotes().viewByToken(tokens.get(3));
            return null;
        });
        clock.at(now.minus(Duration.ofDays(2)), () -> cartera.quotes().acceptByToken(tokens.get(2), "Carmen Soler", "81.42.17.9"));
        clock.at(now.minus(Duration.ofDays(1)), () -> cartera.quotes().rejectByToken(tokens.get(3), "Jorge Ferrer", "88.12.201.44",
                "Lo dejamos para la próxima temporada"));
    }

    private static Map<String, UUID> catalogue(Cartera crm) {
        List<ProductDraft> drafts = List.of(
                product("CAF-2G", "Cafetera espresso 2 grupos", "1890.00", "IVA21", "Maquinaria"),
                product("CAM-FRIG", "Cámara frigorífica modular 6 m³", "4350.00", "IVA21", "Maquinaria"),
                product("TPV-T", "Terminal TPV táctil 15\"", "649.00", "IVA21", "TPV"),
                product("VAJ-48", "Lote de vajilla hostelería (caja 48 piezas)", "145.00", "IVA21", "Menaje"),
                product("CAFE-1KG", "Café en grano mezcla 1 kg", "16.90", "IVA10", "Alimentación"),
                product("ACE-5L", "Aceite de oliva virgen extra 5 L", "38.50", "IVA4", "Alimentación"),
                product("PAN-60", "Pan precocido congelado (caja 60 u.)", "21.60", "IVA4", "Alimentación"),
                product("MANUAL", "Manual de higiene alimentaria", "24.00", "IVA4", "Formación"),
                service("MANT-CAF", "Mantenimiento preventivo de cafetera", "39.00", RecurrencePeriod.MONTHLY),
                service("TPV-SAAS", "Software TPV en la nube", "29.00", RecurrencePeriod.MONTHLY),
                service("REV-FRIO", "Revisión anual de equipos de frío", "240.00", RecurrencePeriod.YEARLY));
        Map<String, UUID> ids = drafts.stream().collect(Collectors.toMap(ProductDraft::sku, d -> crm.catalog().createProduct(d).id()));
        UUID wholesale = crm.catalog().createPriceList(new PriceListDraft("Tarifa hostelería", "EUR", "HOSTELERIA",
                LocalDate.ofInstant(crm.transactions().clock().instant(), crm.zone()).minusDays(1), null, false)).id();
        crm.catalog().setPrice(wholesale, ids.get("CAFE-1KG"), new BigDecimal("15.20"), new BigDecimal("10"));
        crm.catalog().setPrice(wholesale, ids.get("VAJ-48"), new BigDecimal("132.00"), null);
        return ids;
    }

    private static ProductDraft product(String sku, String name, String price, String tax, String family) {
        return new ProductDraft(sku, name, null, "ud", ProductKind.PRODUCT, Billing.ONE_OFF, null, new BigDecimal(price), "EUR", tax,
                family, true);
    }

    private static ProductDraft service(String sku, String name, String price, RecurrencePeriod period) {
        ProductDraft d = ProductDraft.service(sku, name, price, "IVA21", period);
        return new ProductDraft(d.sku(), d.name(), d.description(), d.unit(), d.kind(), d.billing(), d.recurrencePeriod(), d.unitPrice(),
                d.currency(), d.taxCode(), "Servicios", true);
    }

    private static QuoteDraft draft(OpportunityView deal, String title, List<QuoteLineDraft> lines) {
        return new QuoteDraft(deal.id(), null, deal.contactId(), title, null, null, null, null, false,
                "Portes incluidos en pedidos superiores a 300 € dentro de la provincia de Valencia.", lines);
    }

    private static String recipient(Cartera crm, QuoteView q) {
        if (q.contactId() != null) {
            String email = crm.contacts().get(q.contactId()).email();
            if (email != null) {
                return email;
            }
        }
        String email = crm.accounts().get(q.accountId()).email();
        return email != null ? email : "compras@cliente-demo.es";
    }

    private static String token(SentQuote sent) {
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }
}
