package dev.cartera.reporting.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.cartera.reporting.Highlight;
import dev.cartera.reporting.ReportTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes any {@link ReportTable} as CSV, XLSX or PDF. CSV cells that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, tab or carriage return) are prefixed with {@code '}.
 * Instants are written as local date-times in the given zone.
 */
public final class ReportExporter {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ZoneId zone;
    private final char csvDelimiter;

    public ReportExporter(ZoneId zone) {
        this(zone, ',');
    }

    /** A delimiter of {@code ';'} suits Spanish Excel, which reads {@code ,} as the decimal separator. */
    public ReportExporter(ZoneId zone, char csvDelimiter) {
        this.zone = zone;
        this.csvDelimiter = csvDelimiter;
    }

    public void write(ReportTable table, ExportFormat format, OutputStream out) {
        try {
            switch (format) {
                case CSV -> csv(table, out);
                case XLSX -> xlsx(table, out);
                case PDF -> pdf(table, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(ReportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(csvDelimiter).get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (ReportTable.Column column : table.columns()) {
            printer.print(safeCsv(column.label()));
        }
        printer.println();
        for (ReportTable.Row row : table.rows()) {
            for (Object cell : row.cells()) {
                printer.print(safeCsv(text(cell)));
            }
            printer.println();
        }
        printer.flush();
    }

    /** Neutralises spreadsheet formula injection in a CSV cell. */
    public static String safeCsv(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    private void xlsx(ReportTable table, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName(table.title()));
            CellStyle header = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Map<Highlight, CellStyle> marks = new EnumMap<>(Highlight.class);
            for (Highlight h : Highlight.values()) {
                CellStyle style = workbook.createCellStyle();
                if (h == Highlight.BOLD) {
                    style.setFont(bold);
                } else {
                    style.setFillForegroundColor(switch (h) {
                        case GREEN -> IndexedColors.LIGHT_GREEN.getIndex();
                        case AMBER -> IndexedColors.LIGHT_ORANGE.getIndex();
                        default -> IndexedColors.CORAL.getIndex();
                    });
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                marks.put(h, style);
            }
            Row first = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(table.columns().get(c).label());
                cell.setCellStyle(header);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                ReportTable.Row row = table.rows().get(r);
                Row line = sheet.createRow(r + 1);
                for (int c = 0; c < row.cells().size(); c++) {
                    Object value = row.cell(c);
                    Cell cell = line.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
                    } else if (value instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (value != null) {
                        // Text cells are stored as text, never as formulas.
                        cell.setCellValue(text(value));
                    }
                    Highlight h = row.highlights().get(table.columns().get(c).key());
                    if (h != null) {
                        cell.setCellStyle(marks.get(h));
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static String sheetName(String title) {
        String name = title == null || title.isBlank() ? "Report" : title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private void pdf(ReportTable table, OutputStream out) {
        Document document = new Document(table.columns().size() > 6 ? PageSize.A4.rotate() : PageSize.A4, 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out).setCloseStream(false);
            document.open();
            document.add(new Paragraph(table.title() == null ? "" : table.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12)));
            PdfPTable grid = new PdfPTable(Math.max(1, table.columns().size()));
            grid.setWidthPercentage(100);
            grid.setSpacingBefore(8);
            grid.setHeaderRows(1);
            Font headerFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
            Font bodyFont = FontFactory.getFont(FontFactory.HELVETICA, 8);
            for (ReportTable.Column column : table.columns()) {
                grid.addCell(new PdfPCell(new Phrase(column.label(), headerFont)));
            }
            for (ReportTable.Row row : table.rows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    Object value = row.cell(c);
                    Highlight h = row.highlights().get(table.columns().get(c).key());
                    PdfPCell cell = new PdfPCell(new Phrase(text(value), h == Highlight.BOLD ? headerFont : bodyFont));
                    if (value instanceof Number) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    if (h != null && h != Highlight.BOLD) {
                        cell.setBackgroundColor(switch (h) {
                            case GREEN -> new java.awt.Color(198, 239, 206);
                            case AMBER -> new java.awt.Color(255, 235, 156);
                            default -> new java.awt.Color(255, 199, 206);
                        });
                    }
                    grid.addCell(cell);
                }
            }
            if (table.columns().isEmpty()) {
                grid.addCell("");
            }
            document.add(grid);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF export failed", e);
        } finally {
            document.close();
        }
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Instant i) {
            return DATE_TIME.format(i.atZone(zone));
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}
