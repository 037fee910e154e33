package dev.cartera.core.imports.internal;

import com.github.pjfanning.xlsx.StreamingReader;
import dev.cartera.core.imports.FileFormat;
import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.imports.ImportLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;

/** Opens the right reader for a staged file; every failure to read becomes an {@link ImportFileException}. */
public final class TableReaders {
    private TableReaders() {
    }

    /** What sniffing found, kept on the import run so a resumed run reads the file exactly the same way. */
    public record Shape(FileFormat format, String encoding, Character delimiter, int bomBytes, boolean sepLine) {
    }

    public static Shape sniff(FileSource source, String filename, String encodingOverride) {
        try {
            byte[] head = TextSniffer.head(source);
            if (head.length == 0) {
                throw new ImportFileException("import.file.empty");
            }
            FileFormat format = TextSniffer.format(head, filename);
            if (format != FileFormat.CSV) {
                return new Shape(format, null, null, 0, false);
            }
            TextShape text = TextSniffer.shape(source, head, encodingOverride);
            return new Shape(format, text.charset().name(), text.delimiter(), text.bomBytes(), text.sepLine());
        } catch (IOException e) {
            throw new ImportFileException("import.file.unreadable", 0);
        }
    }

    public static TableReader open(FileSource source, Shape shape, ImportLimits limits, String filename) {
        InputStream in = null;
        try {
            in = source.open();
            if (shape.format() == FileFormat.CSV) {
                return new CsvTableReader(in, new TextShape(Charset.forName(shape.encoding()), shape.bomBytes(),
                        shape.delimiter(), shape.sepLine()), limits);
            }
            // Both workbook readers take the stream whole (the streaming one spools it to a temporary file).
            try (InputStream workbook = in) {
                return shape.format() == FileFormat.XLSX
                        ? new SheetTableReader(openXlsx(workbook, filename), limits, "import.file.invalid-xlsx")
                        : new SheetTableReader(openXls(workbook), limits, "import.file.invalid-xls");
            }
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            throw new ImportFileException("import.file.unreadable", 0);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static Workbook openXlsx(InputStream in, String filename) {
        try {
            return StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(in);
        } catch (RuntimeException e) {
            String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
            throw new ImportFileException(name.endsWith(".xlsx") || name.endsWith(".xlsm") ? "import.file.invalid-xlsx" : "import.file.not-text");
        }
    }

    private static Workbook openXls(InputStream in) {
        try {
            return new HSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("import.file.invalid-xls");
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
