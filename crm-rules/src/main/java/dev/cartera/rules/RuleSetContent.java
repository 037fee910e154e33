package dev.cartera.rules;

import java.util.List;

/** The structured rules of one version, stored as JSON: assignment rules or automation rules, by the set's kind. */
public record RuleSetContent(List<AssignmentRule> assignment, List<AutomationRule> automation) {
    public RuleSetContent {
        assignment = assignment == null ? List.of() : List.copyOf(assignment);
        automation = automation == null ? List.of() : List.copyOf(automation);
    }

    public static RuleSetContent assignment(List<AssignmentRule> rules) {
        return new RuleSetContent(rules, List.of());
    }

    public static RuleSetContent automation(List<AutomationRule> rules) {
        return new RuleSetContent(List.of(), rules);
    }
}
