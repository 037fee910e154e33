package dev.cartera.core.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxKind;
import dev.cartera.core.catalog.TaxRate;
import dev.cartera.core.quote.internal.QuotePdf;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The quote PDF read back with PDFBox: what the customer reads must be the calculator's figures. */
class QuotePdfTests {
    private static final TaxRate IVA21 = TaxRate.of("IVA21", TaxKind.IVA, "21");
    private static final TaxRate IVA10 = TaxRate.of("IVA10", TaxKind.IVA, "10");
    private static final TaxRate EXEMPT = new TaxRate("EXENTO", TaxKind.EXEMPT, BigDecimal.ZERO,
            "Operación exenta de IVA en virtud del artículo 20 de la Ley 37/1992.");

    @Test
    void printsLinesTaxesPerRateTotalsValidityAndLegalNotes() throws IOException {
        List<QuoteLineInput> lines = List.of(
                QuoteLineInput.oneOff("Portátil 14 pulgadas", "2", "649.99", IVA21).withDiscountPercent("5"),
                QuoteLineInput.oneOff("Menú del día", "10", "12.50", IVA10),
                QuoteLineInput.oneOff("Curso de formación", "1", "300", EXEMPT),
                QuoteLineInput.recurring("Soporte técnico", "1", "90", IVA21, RecurrencePeriod.QUARTERLY));
        QuoteView quote = quote(lines, "P-2026-0042", LocalDate.parse("2026-04-15"));

        String text = text(QuotePdf.render(quote, "Librería Sol SL", new Branding("Frutas Ana SL", logo(), "#2e7d32", "CIF B58378431"),
                LocalDate.parse("2026-03-16")));

        assertThat(text).contains("Frutas Ana SL", "Presupuesto P-2026-0042 (versión 1)", "Cliente: Librería Sol SL",
                "Fecha: 16/03/2026", "Válido hasta: 15/04/2026");
        assertThat(text).contains("Portátil 14 pulgadas", "1.234,98", "5 %", "Menú del día", "125,00", "Curso de formación",
                "Soporte técnico (trimestral)");
        // One-off: 1234.98 at 21 % = 259.35; 125.00 at 10 % = 12.50; 300.00 exempt. Total 1659.98 + 271.85 = 1931.83.
        assertThat(text).contains("Pago único", "Base imponible 1.659,98 €", "IVA 21 % sobre 1.234,98 € 259,35 €",
                "IVA 10 % sobre 125,00 € 12,50 €", "Exento 0 % sobre 300,00 € 0,00 €", "Total 1.931,83 €");
        // Recurring: 90 a quarter = 30 a month (36.30 with IVA), 360 a year (435.60).
        assertThat(text).contains("Cuota mensual", "Base imponible 30,00 €", "Total 36,30 €", "Total anual de cuotas", "Total 435,60 €");
        assertThat(text).contains("artículo 20 de la Ley 37/1992", "CIF B58378431");
        assertThat(quote.totals().oneOff().gross()).isEqualByComparingTo("1931.83");
    }

    @Test
    void aQuoteWithoutRecurringItemsHasNoRecurringSectionAndShowsTheGlobalDiscount() throws IOException {
        QuoteView quote = quote(List.of(QuoteLineInput.oneOff("Silla", "4", "40", IVA21)), "P-2026-0001", LocalDate.parse("2026-04-01"),
                new BigDecimal("10"));

        String text = text(QuotePdf.render(quote, null, Branding.named("Muebles Mar SL"), LocalDate.parse("2026-03-02")));

        assertThat(text).contains("Muebles Mar SL", "Descuento general: -16,00 €", "Base imponible 144,00 €", "IVA 21 % sobre 144,00 € 30,24 €",
                "Total 174,24 €").doesNotContain("Cuota mensual");
    }

    private static QuoteView quote(List<QuoteLineInput> lines, String number, LocalDate validUntil) {
        return quote(lines, number, validUntil, null);
    }

    private static QuoteView quote(List<QuoteLineInput> lines, String number, LocalDate validUntil, BigDecimal globalPercent) {
        QuoteCalculation c = QuoteCalculator.calculate(new QuoteInput("EUR", lines, globalPercent, null));
        List<QuoteLineView> views = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLineInput l = lines.get(i);
            QuoteCalculation.LineResult r = c.lines().get(i);
            views.add(new QuoteLineView(i + 1, null, l.description(), null, l.quantity(), l.unitPrice(), l.discountPercent(),
                    l.discountAmount(), l.tax().code(), l.tax().rate(), null, null, l.billing(), l.period(), r.net(),
                    r.globalDiscountShare(), r.total()));
        }
        return new QuoteView(UUID.randomUUID(), 0, number, 1, null, null, null, null, null, QuoteStatus.DRAFT, validUntil, "EUR", globalPercent,
                null, false, null, null, null, null, null, null, null, null, null, views, c, Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ").replace(" \n", "\n");
        }
    }
}
