package dev.cartera.spring.ui;

import dev.cartera.reporting.Highlight;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportDefinition.FormatRule;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import dev.cartera.reporting.custom.ReportSubject;
import dev.cartera.reporting.custom.SavedReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The custom report builder's form: record type, columns or up to three groupings with their
 * measures ({@code COUNT}, {@code SUM:amount}…), three filter rows, a sort and a row limit.
 */
public class ReportBuilderForm {
    public static final int FILTER_ROWS = 3;
    /** Conditional-formatting rules the form offers: "column operator value → highlight". */
    public static final int FORMAT_ROWS = 3;
    /** The comparisons a formatting rule may use. */
    public static final List<Operator> FORMAT_OPERATORS = List.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE,
            Operator.EQ, Operator.NE, Operator.CONTAINS);

    private String name;
    private boolean shared;
    private ReportSubject subject = ReportSubject.OPPORTUNITIES;
    private List<String> columns = new ArrayList<>();
    private List<String> groupings = new ArrayList<>(List.of("", "", ""));
    private List<String> measures = new ArrayList<>();
    private List<String> filterField = new ArrayList<>(List.of("", "", ""));
    private List<String> filterOperator = new ArrayList<>(List.of("", "", ""));
    private List<String> filterValue = new ArrayList<>(List.of("", "", ""));
    private String sortKey;
    private boolean sortDescending;
    private Integer limit;
    private List<String> formatKey = new ArrayList<>(List.of("", "", ""));
    private List<String> formatOperator = new ArrayList<>(List.of("", "", ""));
    private List<String> formatValue = new ArrayList<>(List.of("", "", ""));
    private List<String> formatHighlight = new ArrayList<>(List.of("", "", ""));

    static ReportBuilderForm of(ReportSubject subject) {
        ReportBuilderForm form = new ReportBuilderForm();
        form.subject = subject == null ? ReportSubject.OPPORTUNITIES : subject;
        return form;
    }

    static ReportBuilderForm of(SavedReport saved) {
        ReportDefinition d = saved.definition();
        ReportBuilderForm form = of(d.subject());
        form.name = saved.name();
        form.shared = saved.shared();
        form.columns = new ArrayList<>(d.columns());
        for (int i = 0; i < d.groupings().size(); i++) {
            form.groupings.set(i, d.groupings().get(i));
        }
        form.measures = new ArrayList<>(d.measures().stream()
                .map(m -> m.aggregate() == ReportDefinition.Aggregate.COUNT ? "COUNT" : m.aggregate() + ":" + m.field()).toList());
        for (int i = 0; i < Math.min(FILTER_ROWS, d.filters().size()); i++) {
            Filter f = d.filters().get(i);
            form.filterField.set(i, f.field());
            form.filterOperator.set(i, f.operator().name());
            form.filterValue.set(i, String.join(", ", f.values()));
        }
        if (!d.sort().isEmpty()) {
            form.sortKey = d.sort().get(0).key();
            form.sortDescending = d.sort().get(0).descending();
        }
        form.limit = d.limit();
        for (int i = 0; i < Math.min(FORMAT_ROWS, d.formatting().size()); i++) {
            FormatRule rule = d.formatting().get(i);
            form.formatKey.set(i, rule.key());
            form.formatOperator.set(i, rule.operator().name());
            form.formatValue.set(i, rule.value());
            form.formatHighlight.set(i, rule.highlight().name());
        }
        return form;
    }

    /** The definition as typed; the engine's validator says what is wrong with it. */
    ReportDefinition toDefinition() {
        return toDefinition(java.util.Locale.ROOT);
    }

    /**
     * The definition as typed, numbers in formatting rules read in the user's locale ("1.500,50" in
     * Spanish) and stored in plain form, so a saved report reads the same in any language.
     */
    ReportDefinition toDefinition(java.util.Locale locale) {
        List<String> groups = groupings.stream().filter(ReportBuilderForm::present).distinct().toList();
        List<MeasureSpec> specs = new ArrayList<>();
        if (!groups.isEmpty()) {
            for (String m : measures) {
                if (!present(m)) {
                    continue;
                }
                int colon = m.indexOf(':');
                specs.add(colon < 0 ? MeasureSpec.count()
                        : MeasureSpec.of(ReportDefinition.Aggregate.valueOf(m.substring(0, colon)), m.substring(colon + 1)));
            }
            if (specs.isEmpty()) {
                specs.add(MeasureSpec.count());
            }
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < FILTER_ROWS; i++) {
            String field = at(filterField, i);
            String op = at(filterOperator, i);
            if (!present(field) || !present(op)) {
                continue;
            }
            Operator operator = Operator.valueOf(op);
            String raw = at(filterValue, i) == null ? "" : at(filterValue, i).strip();
            List<String> values = switch (operator) {
                case IS_NULL, NOT_NULL -> List.of();
                case IN, BETWEEN -> Arrays.stream(raw.split("\\s*,\\s*")).filter(ReportBuilderForm::present).toList();
                default -> List.of(raw);
            };
            filters.add(new Filter(field, operator, values));
        }
        List<SortSpec> sort = present(sortKey) ? List.of(new SortSpec(sortKey, sortDescending)) : List.of();
        return new ReportDefinition(subject, groups.isEmpty() ? columns.stream().filter(ReportBuilderForm::present).toList() : List.of(),
                filters, groups, specs, sort, rules(locale), limit);
    }

    private List<FormatRule> rules(java.util.Locale locale) {
        List<FormatRule> rules = new ArrayList<>();
        for (int i = 0; i < FORMAT_ROWS; i++) {
            String key = at(formatKey, i);
            String op = at(formatOperator, i);
            String highlight = at(formatHighlight, i);
            if (!present(key) || !present(op)) {
                continue;
            }
            String raw = at(formatValue, i) == null ? "" : at(formatValue, i).strip();
            String value = raw;
            if (raw.matches("[-+]?[0-9][0-9.,\\s]*")) {
                try {
                    value = CarteraUiFormat.parseAmount(raw, locale).map(java.math.BigDecimal::toPlainString).orElse(raw);
                } catch (NumberFormatException e) {
                    value = raw;
                }
            }
            rules.add(new FormatRule(key, Operator.valueOf(op), value,
                    present(highlight) ? Highlight.valueOf(highlight) : Highlight.BOLD));
        }
        return rules;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
    }

    public ReportSubject getSubject() {
        return subject;
    }

    public void setSubject(ReportSubject subject) {
        this.subject = subject;
    }

    public List<String> getColumns() {
        return columns;
    }

    public void setColumns(List<String> columns) {
        this.columns = columns == null ? new ArrayList<>() : columns;
    }

    public List<String> getGroupings() {
        return groupings;
    }

    public void setGroupings(List<String> groupings) {
        this.groupings = pad(groupings);
    }

    public List<String> getMeasures() {
        return measures;
    }

    public void setMeasures(List<String> measures) {
        this.measures = measures == null ? new ArrayList<>() : measures;
    }

    public List<String> getFilterField() {
        return filterField;
    }

    public void setFilterField(List<String> filterField) {
        this.filterField = pad(filterField);
    }

    public List<String> getFilterOperator() {
        return filterOperator;
    }

    public void setFilterOperator(List<String> filterOperator) {
        this.filterOperator = pad(filterOperator);
    }

    public List<String> getFilterValue() {
        return filterValue;
    }

    public void setFilterValue(List<String> filterValue) {
        this.filterValue = pad(filterValue);
    }

    public String getSortKey() {
        return sortKey;
    }

    public void setSortKey(String sortKey) {
        this.sortKey = sortKey;
    }

    public boolean isSortDescending() {
        return sortDescending;
    }

    public void setSortDescending(boolean sortDescending) {
        this.sortDescending = sortDescending;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public List<String> getFormatKey() {
        return formatKey;
    }

    public void setFormatKey(List<String> formatKey) {
        this.formatKey = pad(formatKey);
    }

    public List<String> getFormatOperator() {
        return formatOperator;
    }

    public void setFormatOperator(List<String> formatOperator) {
        this.formatOperator = pad(formatOperator);
    }

    public List<String> getFormatValue() {
        return formatValue;
    }

    public void setFormatValue(List<String> formatValue) {
        this.formatValue = pad(formatValue);
    }

    public List<String> getFormatHighlight() {
        return formatHighlight;
    }

    public void setFormatHighlight(List<String> formatHighlight) {
        this.formatHighlight = pad(formatHighlight);
    }

    /** Always three slots, so the form shows three rows whatever was posted. */
    private static List<String> pad(List<String> values) {
        List<String> out = new ArrayList<>(values == null ? List.of() : values);
        while (out.size() < 3) {
            out.add("");
        }
        return out;
    }
}
