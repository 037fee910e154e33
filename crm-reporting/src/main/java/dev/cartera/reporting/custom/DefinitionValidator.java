package dev.cartera.reporting.custom;

import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.FormatRule;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a {@link ReportDefinition} against its subject's whitelist: known field keys only, operators
 * that fit the field's type, values that parse, at most three groupings. Errors name the offending
 * part ({@code filters[1].values}) with a message-bundle code.
 */
public final class DefinitionValidator {
    public static final int MAX_GROUPINGS = 3;
    static final int MAX_IN_VALUES = 100;

    private DefinitionValidator() {
    }

    public static void validate(ReportDefinition d, int maxRows) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null || d.subject() == null) {
            throw ValidationException.of("subject", "validation.NotNull");
        }
        ReportSubject s = d.subject();
        if (d.isGrouped()) {
            if (d.groupings().size() > MAX_GROUPINGS) {
                errors.add(new FieldError("groupings", "report.groupings.too-many"));
            }
            distinctKnown(s, d.groupings(), "groupings", errors);
            if (d.measures().isEmpty()) {
                errors.add(new FieldError("measures", "report.measures.required"));
            }
            for (int i = 0; i < d.measures().size(); i++) {
                measure(s, d.measures().get(i), "measures[" + i + "]", errors);
            }
        } else {
            if (d.columns().isEmpty()) {
                errors.add(new FieldError("columns", "report.columns.required"));
            }
            distinctKnown(s, d.columns(), "columns", errors);
            if (!d.measures().isEmpty()) {
                errors.add(new FieldError("measures", "report.measures.need-groupings"));
            }
        }
        for (int i = 0; i < d.filters().size(); i++) {
            filter(s, d.filters().get(i), "filters[" + i + "]", errors);
        }
        Set<String> outputs = new HashSet<>(outputKeys(d));
        if (d.sort().size() > 5) {
            errors.add(new FieldError("sort", "report.sort.too-many"));
        }
        for (int i = 0; i < d.sort().size(); i++) {
            SortSpec sort = d.sort().get(i);
            if (sort == null || !outputs.contains(sort.key())) {
                errors.add(new FieldError("sort[" + i + "].key", "report.field.unknown"));
            }
        }
        if (d.formatting().size() > 20) {
            errors.add(new FieldError("formatting", "report.formatting.too-many"));
        }
        for (int i = 0; i < d.formatting().size(); i++) {
            FormatRule rule = d.formatting().get(i);
            String path = "formatting[" + i + "]";
            if (rule == null || !outputs.contains(rule.key())) {
                errors.add(new FieldError(path + ".key", "report.field.unknown"));
            } else if (rule.operator() == null || rule.operator().arity() != 1 || rule.operator() == Operator.STARTS_WITH) {
                errors.add(new FieldError(path + ".operator", "report.operator.unsupported"));
            } else if (rule.highlight() == null || rule.value() == null) {
                errors.add(new FieldError(path, "validation.NotNull"));
            }
        }
        if (d.limit() != null && (d.limit() < 1 || d.limit() > maxRows)) {
            errors.add(new FieldError("limit", "report.limit.range"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Column keys of the result, in order: the columns, or the groupings followed by the measures. */
    public static List<String> outputKeys(ReportDefinition d) {
        if (!d.isGrouped()) {
            return d.columns();
        }
        List<String> keys = new ArrayList<>(d.groupings());
        d.measures().stream().filter(m -> m != null && m.aggregate() != null).map(MeasureSpec::key).forEach(keys::add);
        return keys;
    }

    private static void distinctKnown(ReportSubject s, List<String> keys, String path, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (s.field(keys.get(i)).isEmpty()) {
                errors.add(new FieldError(path + "[" + i + "]", "report.field.unknown"));
            } else if (!seen.add(keys.get(i))) {
                errors.add(new FieldError(path + "[" + i + "]", "report.field.duplicate"));
            }
        }
    }

    private static void measure(ReportSubject s, MeasureSpec m, String path, List<FieldError> errors) {
        if (m == null || m.aggregate() == null) {
            errors.add(new FieldError(path + ".aggregate", "validation.NotNull"));
            return;
        }
        if (m.aggregate() == Aggregate.COUNT) {
            if (m.field() != null) {
                errors.add(new FieldError(path + ".field", "report.measure.count-takes-no-field"));
            }
            return;
        }
        Field f = s.field(m.field()).orElse(null);
        if (f == null) {
            errors.add(new FieldError(path + ".field", "report.field.unknown"));
        } else if ((m.aggregate() == Aggregate.SUM || m.aggregate() == Aggregate.AVG) ? !f.numeric() : !f.orderable()) {
            errors.add(new FieldError(path + ".field", "report.measure.type"));
        }
    }

    private static void filter(ReportSubject s, Filter filter, String path, List<FieldError> errors) {
        if (filter == null || filter.operator() == null) {
            errors.add(new FieldError(path + ".operator", "validation.NotNull"));
            return;
        }
        Field f = s.field(filter.field()).orElse(null);
        if (f == null) {
            errors.add(new FieldError(path + ".field", "report.field.unknown"));
            return;
        }
        Operator op = filter.operator();
        boolean fits = switch (op) {
            case CONTAINS, STARTS_WITH -> f.type() == FieldType.TEXT;
            case GT, GE, LT, LE, BETWEEN -> f.orderable();
            case IN -> f.type() != FieldType.TIMESTAMP && f.type() != FieldType.BOOLEAN;
            default -> true;
        };
        if (!fits) {
            errors.add(new FieldError(path + ".operator", "report.operator.unsupported"));
            return;
        }
        int n = filter.values().size();
        if (op.arity() >= 0 ? n != op.arity() : n < 1 || n > MAX_IN_VALUES) {
            errors.add(new FieldError(path + ".values", "report.filter.values.count"));
            return;
        }
        for (String value : filter.values()) {
            if (!parses(f, value)) {
                errors.add(new FieldError(path + ".values", "report.filter.value.invalid"));
                return;
            }
        }
    }

    static boolean parses(Field f, String value) {
        if (value == null) {
            return false;
        }
        try {
            parse(f, value);
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    /** The typed value of a filter's text for the field. */
    static Object parse(Field f, String value) {
        return switch (f.type()) {
            case NUMBER -> new BigDecimal(value.strip());
            case TIMESTAMP, DATE -> LocalDate.parse(value.strip());
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(value);
                }
                yield Boolean.valueOf(value);
            }
            case REFERENCE -> UUID.fromString(value.strip());
            case CHOICE -> {
                if (!f.choices().contains(value)) {
                    throw new IllegalArgumentException(value);
                }
                yield value;
            }
            case TEXT -> {
                if (value.length() > 200) {
                    throw new IllegalArgumentException("too long");
                }
                yield value;
            }
        };
    }
}
