package dev.cartera.core.imports.internal;

import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.imports.ImportLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV through Apache Commons CSV, as spreadsheets write it: RFC 4180 quoting (quotes doubled,
 * delimiters and line breaks inside quotes), ragged rows kept as they are, blank lines skipped,
 * lenient about text after a closing quote and an unclosed quote at the very end.
 */
final class CsvTableReader implements TableReader {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ImportLimits limits;
    private final long lineOffset;

    CsvTableReader(InputStream in, TextShape shape, ImportLimits limits) throws IOException {
        this.limits = limits;
        in.skipNBytes(shape.bomBytes());
        BufferedReader text = new BufferedReader(new InputStreamReader(in, shape.charset()), 64 * 1024);
        if (shape.sepLine()) {
            text.readLine();
        }
        this.lineOffset = shape.sepLine() ? 1 : 0;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(shape.delimiter())
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .setAllowMissingColumnNames(true)
                .get();
        this.parser = CSVParser.builder().setReader(new FieldLengthGuard(text, shape.delimiter(), limits.maxFieldChars()))
                .setFormat(format).get();
        this.records = parser.iterator();
    }

    @Override
    public SourceRow next() {
        try {
            while (true) {
                long start = lineOffset + parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                if (record.size() > limits.maxColumns()) {
                    throw new ImportFileException("import.file.too-many-columns", start, record.size(), limits.maxColumns());
                }
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                return new SourceRow(start, cells);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportFileException("import.file.unreadable", parser.getCurrentLineNumber() + lineOffset);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over; nothing was written
        }
    }
}
