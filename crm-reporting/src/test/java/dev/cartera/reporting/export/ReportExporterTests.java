package dev.cartera.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.reporting.Highlight;
import dev.cartera.reporting.ReportTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportExporterTests {
    private final ReportExporter exporter = new ReportExporter(ZoneId.of("Europe/Madrid"));

    private final ReportTable table = ReportTable.builder("Ventas por comercial")
            .column("rep", "Comercial", ReportTable.Type.TEXT)
            .column("amount", "Importe", ReportTable.Type.DECIMAL)
            .column("won", "Ganadas", ReportTable.Type.INTEGER)
            .column("at", "Cerrada", ReportTable.Type.DATETIME)
            .column("day", "Día", ReportTable.Type.DATE)
            .row(List.of("José Núñez", new BigDecimal("1234.50"), 3L, Instant.parse("2026-01-15T10:30:00Z"), LocalDate.of(2026, 1, 15)),
                    Map.of("amount", Highlight.GREEN))
            .row(Arrays.asList("=1+2", null, 0L, null, null), Map.of())
            .build();

    private byte[] export(ReportTable t, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(t, format, out);
        return out.toByteArray();
    }

    @Test
    void csvParsesBackWithHeaderTypesAndLocalTimes() throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new InputStreamReader(new ByteArrayInputStream(export(table, ExportFormat.CSV)),
                StandardCharsets.UTF_8)).getRecords();
        assertThat(rows.get(0).values()).containsExactly("Comercial", "Importe", "Ganadas", "Cerrada", "Día");
        assertThat(rows.get(1).values()).containsExactly("José Núñez", "1234.50", "3", "2026-01-15 11:30", "2026-01-15");
        assertThat(rows.get(2).values()).containsExactly("'=1+2", "", "0", "", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"})
    void csvCellsThatASpreadsheetWouldEvaluateAreNeutralised(String hostile) {
        assertThat(ReportExporter.safeCsv(hostile)).startsWith("'").endsWith(hostile);
        assertThat(ReportExporter.safeCsv("Normal, SL")).isEqualTo("Normal, SL");
    }

    @Test
    void csvWithSemicolonsForSpanishExcel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportExporter(ZoneId.of("Europe/Madrid"), ';').write(table, ExportFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst()).contains("Comercial;Importe;Ganadas;Cerrada;Día");
    }

    @Test
    void xlsxKeepsNumbersAsNumbersTextAsTextAndHighlights() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(table, ExportFormat.XLSX)))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Ventas por comercial");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Comercial");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("=1+2");
        }
    }

    @Test
    void pdfTextCarriesTitleHeadersAndCells() throws Exception {
        try (var document = Loader.loadPDF(export(table, ExportFormat.PDF))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ventas por comercial", "Comercial", "José Núñez", "1234.50", "2026-01-15 11:30");
        }
    }

    @Test
    void anEmptyReportStillExports() throws Exception {
        ReportTable empty = ReportTable.builder("Vacío").column("a", "A", ReportTable.Type.TEXT).build();
        assertThat(new String(export(empty, ExportFormat.CSV), StandardCharsets.UTF_8).strip()).isEqualTo("A");
        try (var document = Loader.loadPDF(export(empty, ExportFormat.PDF))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Vacío");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(empty, ExportFormat.XLSX)))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
    }
}
