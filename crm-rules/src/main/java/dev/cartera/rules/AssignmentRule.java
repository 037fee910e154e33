package dev.cartera.rules;

import java.util.List;

/**
 * "Leads from Barcelona or Girona with source web go round-robin to team Catalunya": criteria (all must hold;
 * none means always) and who gets the lead. Rules are tried in list order; the first whose assignee can be
 * resolved decides. The last rule must have no criteria: the fallback.
 */
public record AssignmentRule(String name, List<Criterion> criteria, Assignee assignTo) {
    public AssignmentRule {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
