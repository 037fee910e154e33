package dev.cartera.spring.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One block of a dashboard or report page: a title, an optional chart and the same numbers as a
 * table, so a screen reader, a printout and a phone user all get the figures. The chart is data only
 * ({@link Chart#json()}); {@code cartera-charts.js} draws it with Chart.js in the user's locale.
 */
public record Figure(String id, String title, Chart chart, List<String> headers, List<List<String>> rows, List<Boolean> numeric,
        List<List<String>> marks) {

    /** A figure without conditional formatting. */
    public Figure(String id, String title, Chart chart, List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        this(id, title, chart, headers, rows, numeric, List.of());
    }

    /** A figure whose first column names the rows and whose other columns are figures. */
    public Figure(String id, String title, Chart chart, List<String> headers, List<List<String>> rows) {
        this(id, title, chart, headers, rows, java.util.stream.IntStream.range(0, headers.size()).mapToObj(i -> i > 0).toList());
    }

    /** Whether a column holds numbers (aligned right, kept on one line). */
    public boolean isNumeric(int column) {
        return column < numeric.size() && numeric.get(column);
    }

    /** The conditional-formatting highlight of a cell ({@code GREEN}, {@code AMBER}, {@code RED}, {@code BOLD}), or null. */
    public String mark(int row, int column) {
        if (row >= marks.size() || column >= marks.get(row).size()) {
            return null;
        }
        return marks.get(row).get(column);
    }

    /** Numbers already in the user's locale, for the table. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * What Chart.js needs: kind ({@code bar}, {@code line}, {@code doughnut}), how values read
     * ({@code money}, {@code number}, {@code percent}), labels and one series per dataset.
     */
    public record Chart(String type, String format, String currency, boolean horizontal, List<String> labels, List<Series> series) {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        public String json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", type);
            out.put("format", format);
            out.put("currency", currency);
            out.put("horizontal", horizontal);
            out.put("labels", labels);
            List<Map<String, Object>> sets = new ArrayList<>();
            for (Series s : series) {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("label", s.label());
                set.put("data", s.values().stream().map(v -> v == null ? null : v.doubleValue()).toList());
                sets.add(set);
            }
            out.put("datasets", sets);
            return JSON.writeValueAsString(out);
        }
    }

    public record Series(String label, List<BigDecimal> values) {
    }

    /** A figure in a big card: the value, its label and an optional note (the comparison, the overdue count). */
    public record Kpi(String id, String label, String value, String note, boolean warning) {
    }
}
