package dev.cartera.rules;

import java.util.List;

/**
 * "When a deal has been stuck in its stage longer than the stage allows, give its owner a call task due in
 * two days and raise an alert": a trigger, criteria over the record (all must hold), and actions. Every matching
 * rule runs, in list order. {@code days} is the threshold of {@link Trigger#CUSTOMER_NOT_CONTACTED},
 * {@link Trigger#QUOTE_UNANSWERED} (days since sent) and {@link Trigger#QUOTE_EXPIRING} (days before the last valid
 * day), and optionally overrides the stage's limit for {@link Trigger#DEAL_STUCK}.
 */
public record AutomationRule(String name, Trigger trigger, Integer days, List<Criterion> criteria, List<RuleAction> actions) {
    public AutomationRule {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
