package dev.cartera.core.quote.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxKind;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.QuoteCalculation.Section;
import dev.cartera.core.quote.QuoteCalculation.TaxLine;
import dev.cartera.core.quote.QuoteLineView;
import dev.cartera.core.quote.QuoteView;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The quote as a PDF (X-11), in Spanish: the tenant's name, logo and colour, the customer, the
 * lines, the tax base and tax per rate, the one-off and recurring totals, the validity and the
 * legal notes of exempt lines. Figures come from the calculator, never recomputed here.
 */
public final class QuotePdf {
    private static final Locale ES = Locale.forLanguageTag("es-ES");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private QuotePdf() {
    }

    public static byte[] render(QuoteView quote, String customerName, Branding branding, LocalDate issuedOn) {
        Color brand = Color.decode(branding.primaryColour());
        Font title = new Font(Font.HELVETICA, 18, Font.BOLD, brand);
        Font heading = new Font(Font.HELVETICA, 11, Font.BOLD, brand);
        Font normal = new Font(Font.HELVETICA, 9, Font.NORMAL, Color.BLACK);
        Font bold = new Font(Font.HELVETICA, 9, Font.BOLD, Color.BLACK);
        Font white = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);
        Font small = new Font(Font.HELVETICA, 7, Font.NORMAL, Color.DARK_GRAY);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Presupuesto " + quote.number());
            doc.addCreator("Cartera");
            doc.open();

            PdfPTable header = new PdfPTable(new float[] {3, 2});
            header.setWidthPercentage(100);
            PdfPCell company = cell(new Phrase(branding.companyName(), title), Element.ALIGN_LEFT);
            header.addCell(company);
            PdfPCell logoCell = cell(new Phrase(""), Element.ALIGN_RIGHT);
            if (branding.logo() != null) {
                try {
                    Image logo = Image.getInstance(branding.logo());
                    logo.scaleToFit(140, 50);
                    logoCell = new PdfPCell(logo, false);
                    logoCell.setBorder(Rectangle.NO_BORDER);
                    logoCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                } catch (IOException | RuntimeException unreadable) {
                    // A logo the PDF library cannot read is left out rather than failing the quote.
                    logoCell = cell(new Phrase(""), Element.ALIGN_RIGHT);
                }
            }
            header.addCell(logoCell);
            doc.add(header);

            doc.add(new Paragraph("Presupuesto " + quote.number() + " (versión " + quote.versionNo() + ")", heading));
            if (quote.title() != null) {
                doc.add(new Paragraph(quote.title(), bold));
            }
            doc.add(new Paragraph("Cliente: " + (customerName == null ? "-" : customerName), normal));
            doc.add(new Paragraph("Fecha: " + DATE.format(issuedOn) + "    Válido hasta: "
                    + (quote.validUntil() == null ? "-" : DATE.format(quote.validUntil())), normal));
            doc.add(Chunk.NEWLINE);

            PdfPTable lines = new PdfPTable(new float[] {5, 1.3f, 1.8f, 1.3f, 2, 1.3f});
            lines.setWidthPercentage(100);
            lines.setHeaderRows(1);
            for (String h : List.of("Descripción", "Cant.", "Precio", "Dto.", "Importe", "Impuesto")) {
                PdfPCell c = cell(new Phrase(h, white), h.equals("Descripción") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                c.setBackgroundColor(brand);
                lines.addCell(c);
            }
            for (QuoteLineView l : quote.lines()) {
                String description = l.description() + (l.billing() == Billing.RECURRING ? " (" + period(l.recurrencePeriod()) + ")" : "");
                lines.addCell(cell(new Phrase(description, normal), Element.ALIGN_LEFT));
                lines.addCell(cell(new Phrase(quantity(l.quantity()) + (l.unit() == null ? "" : " " + l.unit()), normal), Element.ALIGN_RIGHT));
                lines.addCell(cell(new Phrase(money(l.unitPrice()), normal), Element.ALIGN_RIGHT));
                lines.addCell(cell(new Phrase(discount(l), normal), Element.ALIGN_RIGHT));
                lines.addCell(cell(new Phrase(money(l.net()), normal), Element.ALIGN_RIGHT));
                lines.addCell(cell(new Phrase(l.taxCode(), normal), Element.ALIGN_RIGHT));
            }
            doc.add(lines);

            if (quote.totals().lines().stream().anyMatch(l -> l.globalDiscountShare().signum() > 0)) {
                BigDecimal share = quote.totals().lines().stream().map(l -> l.globalDiscountShare()).reduce(BigDecimal.ZERO, BigDecimal::add);
                doc.add(new Paragraph("Descuento general: -" + money(share) + " €", normal));
            }
            String currency = " " + ("EUR".equals(quote.currency()) ? "€" : quote.currency());
            if (!quote.totals().oneOff().isEmpty()) {
                doc.add(section("Pago único", quote.totals().oneOff(), currency, heading, normal, bold));
            }
            if (quote.totals().hasRecurring()) {
                doc.add(section("Cuota mensual", quote.totals().recurringMonthly(), currency, heading, normal, bold));
                doc.add(section("Total anual de cuotas", quote.totals().recurringYearly(), currency, heading, normal, bold));
            }

            Set<String> notes = new LinkedHashSet<>();
            for (Section s : List.of(quote.totals().oneOff(), quote.totals().recurringMonthly())) {
                s.taxes().stream().filter(t -> t.kind() == TaxKind.EXEMPT && t.legalNote() != null).forEach(t -> notes.add(t.legalNote()));
            }
            if (quote.equivalenceSurcharge()) {
                notes.add("Cliente acogido al régimen especial del recargo de equivalencia.");
            }
            doc.add(Chunk.NEWLINE);
            for (String note : notes) {
                doc.add(new Paragraph(note, small));
            }
            if (quote.notes() != null) {
                doc.add(new Paragraph(quote.notes(), normal));
            }
            if (branding.footer() != null) {
                doc.add(Chunk.NEWLINE);
                doc.add(new Paragraph(branding.footer(), small));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("quote PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable section(String name, Section s, String currency, Font heading, Font normal, Font bold) {
        PdfPTable table = new PdfPTable(new float[] {6, 2});
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(8);
        PdfPCell title = cell(new Phrase(name, heading), Element.ALIGN_LEFT);
        title.setColspan(2);
        table.addCell(title);
        table.addCell(cell(new Phrase("Base imponible", normal), Element.ALIGN_LEFT));
        table.addCell(cell(new Phrase(money(s.net()) + currency, normal), Element.ALIGN_RIGHT));
        for (TaxLine t : s.taxes()) {
            table.addCell(cell(new Phrase(taxLabel(t) + " sobre " + money(t.base()) + currency, normal), Element.ALIGN_LEFT));
            table.addCell(cell(new Phrase(money(t.tax()) + currency, normal), Element.ALIGN_RIGHT));
        }
        table.addCell(cell(new Phrase("Total", bold), Element.ALIGN_LEFT));
        table.addCell(cell(new Phrase(money(s.gross()) + currency, bold), Element.ALIGN_RIGHT));
        return table;
    }

    private static String taxLabel(TaxLine t) {
        String kind = switch (t.kind()) {
            case IVA -> "IVA";
            case IGIC -> "IGIC";
            case RECARGO_EQUIVALENCIA -> "Recargo de equivalencia";
            case EXEMPT -> "Exento";
        };
        return kind + " " + percent(t.rate()) + " %";
    }

    private static String discount(QuoteLineView l) {
        if (l.discountPercent() != null && l.discountPercent().signum() > 0) {
            return percent(l.discountPercent()) + " %";
        }
        if (l.discountAmount() != null && l.discountAmount().signum() > 0) {
            return money(l.discountAmount());
        }
        return "";
    }

    private static String period(RecurrencePeriod p) {
        return switch (p) {
            case MONTHLY -> "mensual";
            case QUARTERLY -> "trimestral";
            case YEARLY -> "anual";
        };
    }

    static String money(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(ES));
        return f.format(value);
    }

    private static String quantity(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(ES));
        return f.format(value);
    }

    private static String percent(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(ES));
        return f.format(value);
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell c = new PdfPCell(phrase);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(Color.LIGHT_GRAY);
        c.setPadding(4);
        c.setHorizontalAlignment(align);
        return c;
    }
}
