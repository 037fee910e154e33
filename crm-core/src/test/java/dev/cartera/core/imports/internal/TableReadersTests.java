package dev.cartera.core.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.imports.FileFormat;
import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.imports.ImportLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableReadersTests {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final ImportLimits LIMITS = ImportLimits.defaults();

    record Read(TableReaders.Shape shape, List<SourceRow> rows) {
        List<List<String>> cells() {
            return rows.stream().map(SourceRow::cells).toList();
        }
    }

    static Read read(byte[] bytes, String filename) {
        FileSource source = () -> new ByteArrayInputStream(bytes);
        TableReaders.Shape shape = TableReaders.sniff(source, filename, null);
        List<SourceRow> rows = new ArrayList<>();
        try (TableReader reader = TableReaders.open(source, shape, LIMITS, filename)) {
            SourceRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return new Read(shape, rows);
    }

    @Test
    void readsASpanishExcelCsvInWindows1252WithSemicolons() {
        String text = "Nombre;Empresa;Importe\r\nJosé;\"Peña; Hijos, S.L.\";1.234,56\r\nNúria;\"Dice \"\"hola\"\"\";7\r\n";
        Read read = read(text.getBytes(CP1252), "clientes.csv");
        assertThat(read.shape().format()).isEqualTo(FileFormat.CSV);
        assertThat(read.shape().encoding()).isEqualTo("windows-1252");
        assertThat(read.shape().delimiter()).isEqualTo(';');
        assertThat(read.cells()).containsExactly(List.of("Nombre", "Empresa", "Importe"),
                List.of("José", "Peña; Hijos, S.L.", "1.234,56"), List.of("Núria", "Dice \"hola\"", "7"));
    }

    @Test
    void readsUtf8WithAndWithoutBomAndTellsTheDelimiter() {
        String text = "name,city\nAna,Logroño\n";
        Read plain = read(text.getBytes(StandardCharsets.UTF_8), "a.csv");
        assertThat(plain.shape().encoding()).isEqualTo("UTF-8");
        assertThat(plain.shape().delimiter()).isEqualTo(',');
        assertThat(plain.cells().get(1)).containsExactly("Ana", "Logroño");
        byte[] bom = ("\uFEFF" + "name\tcity\nAna\tLogroño\n").getBytes(StandardCharsets.UTF_8);
        Read withBom = read(bom, "a.txt");
        assertThat(withBom.shape().delimiter()).isEqualTo('\t');
        assertThat(withBom.cells().get(0)).containsExactly("name", "city");
        assertThat(read("a|b\n1|2\n".getBytes(StandardCharsets.UTF_8), "x.csv").shape().delimiter()).isEqualTo('|');
        Read sep = read("sep=,\r\na;b,c\r\n1;2,3\r\n".getBytes(StandardCharsets.UTF_8), "x.csv");
        assertThat(sep.cells()).containsExactly(List.of("a;b", "c"), List.of("1;2", "3"));
        assertThat(sep.rows().get(1).line()).isEqualTo(3);
    }

    @Test
    void keepsLineNumbersAcrossQuotedLineBreaksBlankLinesAndRaggedRows() {
        String text = "a;b;c\n\"uno\ndos\";x;y\n\n;;\nsolo\nmas;de;tres;celdas\n";
        Read read = read(text.getBytes(StandardCharsets.UTF_8), "x.csv");
        assertThat(read.rows()).extracting(SourceRow::line).containsExactly(1L, 2L, 6L, 7L);
        assertThat(read.cells().get(1)).containsExactly("uno\ndos", "x", "y");
        assertThat(read.cells().get(2)).containsExactly("solo");
        assertThat(read.cells().get(3)).hasSize(4);
    }

    @Test
    void refusesFilesThatAreNotWhatTheySeem() {
        assertThatThrownBy(() -> read(new byte[0], "x.csv")).hasMessageContaining("import.file.empty");
        assertThatThrownBy(() -> read("   \r\n\r\n".getBytes(StandardCharsets.UTF_8), "x.csv")).hasMessageContaining("import.file.empty");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        assertThatThrownBy(() -> read(junk, "clientes.csv")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("import.file.not-text");
        byte[] utf16 = "nombre;email\nAna;a@b.es\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> read(utf16, "clientes.csv")).hasMessageContaining("import.file.not-text");
        assertThatThrownBy(() -> read(zipOf("readme.txt", "hola"), "clientes.xlsx")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("import.file.invalid-xlsx");
        assertThatThrownBy(() -> read("nombre;email\n".getBytes(StandardCharsets.UTF_8), "clientes.xlsx"))
                .hasMessageContaining("import.file.invalid-xlsx");
        assertThatThrownBy(() -> read("nombre;email\n".getBytes(StandardCharsets.UTF_8), "clientes.xls"))
                .hasMessageContaining("import.file.invalid-xls");
    }

    @Test
    void stopsAHugeFieldAndTooManyColumnsBeforeTheyFillTheHeap() {
        byte[] huge = new byte[20 * 1024 * 1024 + 20];
        Arrays.fill(huge, (byte) 'x');
        System.arraycopy("nombre\n\"".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        assertThatThrownBy(() -> read(huge, "x.csv")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("import.file.field-too-long");
        String wide = String.join(";", java.util.Collections.nCopies(1000, "c")) + "\n" + "1;2\n";
        assertThatThrownBy(() -> read(wide.getBytes(StandardCharsets.UTF_8), "x.csv"))
                .hasMessageContaining("import.file.too-many-columns");
    }

    @Test
    void readsXlsxStreamedAndXlsWithDatesAndNumbersAsText() throws IOException {
        for (Workbook wb : List.<Workbook>of(new XSSFWorkbook(), new HSSFWorkbook())) {
            Sheet sheet = wb.createSheet("Leads");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Nombre");
            header.createCell(1).setCellValue("Alta");
            header.createCell(2).setCellValue("Teléfono");
            header.createCell(3).setCellValue("Importe");
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("Íñigo");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(1).setCellValue(LocalDate.of(2025, 3, 31));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(612345678d);
            row.createCell(3).setCellFormula("1234.5*2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.close();
            boolean xlsx = wb instanceof XSSFWorkbook;
            Read read = read(out.toByteArray(), xlsx ? "leads.xlsx" : "leads.xls");
            assertThat(read.shape().format()).isEqualTo(xlsx ? FileFormat.XLSX : FileFormat.XLS);
            assertThat(read.rows()).extracting(SourceRow::line).containsExactly(1L, 3L);
            assertThat(read.cells().get(1)).startsWith("Íñigo", "2025-03-31", "612345678");
        }
    }

    private static byte[] zipOf(String name, String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
