package dev.cartera.rules;

import java.util.List;

/**
 * One condition of a rule: a field of the record ({@code province}, {@code postcode}, {@code source},
 * {@code productInterest}, {@code companySize}, {@code language}… or {@code custom.<key>} for a custom field),
 * an operator and its values. The values never become code: the generated DRL refers to them by position.
 */
public record Criterion(String field, Operator operator, List<String> values) {
    public Criterion {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static Criterion of(String field, Operator operator, String... values) {
        return new Criterion(field, operator, List.of(values));
    }
}
