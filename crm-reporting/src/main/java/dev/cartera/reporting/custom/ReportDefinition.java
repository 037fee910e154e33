package dev.cartera.reporting.custom;

import dev.cartera.reporting.Highlight;
import java.util.List;

/**
 * A user-built report as data: which records, which columns, filters, up to three groupings
 * with their measures, sort and conditional formatting. Every name in it is a whitelisted field key
 * of the subject; {@link DefinitionValidator} rejects anything else before a query is built.
 *
 * @param columns   the fields listed, for a report without groupings
 * @param groupings up to three fields to group by; with groupings the rows are the groups and their measures
 * @param limit     most rows returned; null for the configured maximum
 */
public record ReportDefinition(ReportSubject subject, List<String> columns, List<Filter> filters, List<String> groupings,
        List<MeasureSpec> measures, List<SortSpec> sort, List<FormatRule> formatting, Integer limit) {

    public ReportDefinition {
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
        groupings = groupings == null ? List.of() : List.copyOf(groupings);
        measures = measures == null ? List.of() : List.copyOf(measures);
        sort = sort == null ? List.of() : List.copyOf(sort);
        formatting = formatting == null ? List.of() : List.copyOf(formatting);
    }

    public static ReportDefinition list(ReportSubject subject, List<String> columns, List<Filter> filters) {
        return new ReportDefinition(subject, columns, filters, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static ReportDefinition grouped(ReportSubject subject, List<String> groupings, List<MeasureSpec> measures,
            List<Filter> filters) {
        return new ReportDefinition(subject, List.of(), filters, groupings, measures, List.of(), List.of(), null);
    }

    public ReportDefinition sortedBy(List<SortSpec> order) {
        return new ReportDefinition(subject, columns, filters, groupings, measures, order, formatting, limit);
    }

    public ReportDefinition formattedBy(List<FormatRule> rules) {
        return new ReportDefinition(subject, columns, filters, groupings, measures, sort, rules, limit);
    }

    public ReportDefinition limitedTo(Integer rows) {
        return new ReportDefinition(subject, columns, filters, groupings, measures, sort, formatting, rows);
    }

    public boolean isGrouped() {
        return !groupings.isEmpty();
    }

    public enum Operator {
        EQ, NE, GT, GE, LT, LE, CONTAINS, STARTS_WITH, IN, BETWEEN, IS_NULL, NOT_NULL;

        int arity() {
            return switch (this) {
                case IS_NULL, NOT_NULL -> 0;
                case BETWEEN -> 2;
                case IN -> -1;
                default -> 1;
            };
        }
    }

    /** {@code field operator values}; values are text and are parsed by the field's type. */
    public record Filter(String field, Operator operator, List<String> values) {
        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public static Filter of(String field, Operator operator, String... values) {
            return new Filter(field, operator, List.of(values));
        }
    }

    public enum Aggregate { COUNT, SUM, AVG, MIN, MAX }

    /** An aggregate of a field (no field for COUNT). Its output column key is {@link #key()}. */
    public record MeasureSpec(Aggregate aggregate, String field) {
        public static MeasureSpec count() {
            return new MeasureSpec(Aggregate.COUNT, null);
        }

        public static MeasureSpec of(Aggregate aggregate, String field) {
            return new MeasureSpec(aggregate, field);
        }

        public String key() {
            return aggregate == Aggregate.COUNT ? "count" : aggregate.name().toLowerCase() + "_" + field;
        }
    }

    /** Sort by an output column key: a column, a grouping or a measure key. */
    public record SortSpec(String key, boolean descending) {
        public static SortSpec asc(String key) {
            return new SortSpec(key, false);
        }

        public static SortSpec desc(String key) {
            return new SortSpec(key, true);
        }
    }

    /** Highlights a cell of an output column when its value compares with {@code value} as the operator says. */
    public record FormatRule(String key, Operator operator, String value, Highlight highlight) {
    }
}
