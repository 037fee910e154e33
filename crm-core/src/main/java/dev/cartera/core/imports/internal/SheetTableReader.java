package dev.cartera.core.imports.internal;

import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.imports.ImportLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** The first sheet of a workbook, row by row. For .xlsx the workbook is a streaming one, so rows are never all in memory. */
final class SheetTableReader implements TableReader {
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final ImportLimits limits;
    private final String unreadableCode;

    SheetTableReader(Workbook workbook, ImportLimits limits, String unreadableCode) {
        this.workbook = workbook;
        this.limits = limits;
        this.unreadableCode = unreadableCode;
        if (workbook.getNumberOfSheets() == 0) {
            throw new ImportFileException("import.file.empty");
        }
        this.rows = workbook.getSheetAt(0).rowIterator();
    }

    @Override
    public SourceRow next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                int width = Math.max(0, row.getLastCellNum());
                if (width > limits.maxColumns()) {
                    throw new ImportFileException("import.file.too-many-columns", row.getRowNum() + 1L, width, limits.maxColumns());
                }
                String[] cells = new String[width];
                Arrays.fill(cells, "");
                boolean blank = true;
                for (Cell cell : row) {
                    int column = cell.getColumnIndex();
                    if (column >= width) {
                        continue;
                    }
                    String text = CellText.of(cell);
                    if (text.length() > limits.maxFieldChars()) {
                        throw new ImportFileException("import.file.field-too-long", limits.maxFieldChars());
                    }
                    cells[column] = text;
                    blank &= text.isBlank();
                }
                if (!blank) {
                    List<String> list = new ArrayList<>(Arrays.asList(cells));
                    return new SourceRow(row.getRowNum() + 1L, list);
                }
            }
            return null;
        } catch (ImportFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportFileException(unreadableCode);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (Exception ignored) {
            // read-only workbook; temporary files are removed by the reader
        }
    }
}
