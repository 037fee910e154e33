package dev.cartera.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Any report as a table: typed columns and rows of cells, with the highlights conditional formatting
 * put on them. Exports (CSV, XLSX, PDF) and the REST/UI layers read this shape.
 */
public record ReportTable(String title, List<Column> columns, List<Row> rows) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public enum Type { TEXT, INTEGER, DECIMAL, PERCENT, DATE, DATETIME }

    public record Column(String key, String label, Type type) {
    }

    /** Cells in column order (null for no value) and highlights by column key. */
    public record Row(List<Object> cells, Map<String, Highlight> highlights) {
        public Row {
            cells = Collections.unmodifiableList(new ArrayList<>(cells));
            highlights = Map.copyOf(highlights);
        }

        public Object cell(int index) {
            return cells.get(index);
        }
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String key, String label, Type type) {
            columns.add(new Column(key, label, type));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(new Row(Arrays.asList(cells), Map.of()));
            return this;
        }

        public Builder row(List<Object> cells, Map<String, Highlight> highlights) {
            rows.add(new Row(cells, highlights));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(title, columns, rows);
        }
    }
}
