package dev.cartera.rules.internal;

import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A criterion ready to test values: the admin's values normalised once, compared without ever becoming code. */
final class CompiledCriterion {
    private final Operator operator;
    private final boolean numeric;
    private final Set<String> texts;
    private final String text;
    private final String from;
    private final String to;
    private final BigDecimal low;
    private final BigDecimal high;

    CompiledCriterion(Criterion c) {
        this.operator = c.operator();
        this.numeric = Fields.isNumeric(c.field());
        List<String> values = c.values().stream().map(CompiledCriterion::norm).toList();
        this.texts = Set.copyOf(values.stream().collect(Collectors.toSet()));
        this.text = values.isEmpty() ? null : values.get(0);
        this.from = values.size() == 2 ? values.get(0) : null;
        this.to = values.size() == 2 ? values.get(1) : null;
        this.low = numeric && from != null ? new BigDecimal(from) : null;
        this.high = numeric && to != null ? new BigDecimal(to) : null;
    }

    static String norm(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    boolean test(String raw) {
        String v = norm(raw);
        if (operator == Operator.IS_EMPTY) {
            return v == null || v.isEmpty();
        }
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (operator) {
            case EQUALS -> numeric ? numericEquals(v, text) : v.equals(text);
            case IN -> numeric ? texts.stream().anyMatch(t -> numericEquals(v, t)) : texts.contains(v);
            case CONTAINS -> v.contains(text);
            case BETWEEN -> numeric ? between(v) : v.length() == from.length() && v.compareTo(from) >= 0 && v.compareTo(to) <= 0;
            case IS_EMPTY -> false;
        };
    }

    private boolean between(String v) {
        BigDecimal n = parse(v);
        return n != null && n.compareTo(low) >= 0 && n.compareTo(high) <= 0;
    }

    private static boolean numericEquals(String v, String t) {
        BigDecimal a = parse(v);
        BigDecimal b = parse(t);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    static BigDecimal parse(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
