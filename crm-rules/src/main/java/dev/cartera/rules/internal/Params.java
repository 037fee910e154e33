package dev.cartera.rules.internal;

import java.util.List;

/**
 * The admins' values of a compiled rule set, bound as the DRL global {@code p}. Generated constraints read
 * {@code p.test(7, value("province"))}: the admin's text stays data, so nothing they type can become code.
 */
public final class Params {
    private final CompiledCriterion[] criteria;

    Params(List<CompiledCriterion> criteria) {
        this.criteria = criteria.toArray(new CompiledCriterion[0]);
    }

    public boolean test(int criterion, String value) {
        return criteria[criterion].test(value);
    }
}
