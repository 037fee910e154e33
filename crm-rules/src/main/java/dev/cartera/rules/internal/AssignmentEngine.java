package dev.cartera.rules.internal;

import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Drools says which rules match a lead; this tries them in order until one yields an eligible user. */
public final class AssignmentEngine {
    private AssignmentEngine() {
    }

    /** The outcome for one lead: matching rules, the deciding rule (or none) and the user, with the reasoning. */
    public record Decision(List<Integer> matched, Integer decidedBy, UUID userId, List<Reason> reasons) {
    }

    public static Decision decide(CompiledRuleSet rules, RecordFact fact, AssignmentContext ctx) {
        return decide(rules, fact, rules.match(fact), ctx);
    }

    public static Decision decide(CompiledRuleSet rules, RecordFact fact, List<Integer> matched, AssignmentContext ctx) {
        List<Reason> reasons = new ArrayList<>();
        for (int i : matched) {
            AssignmentRule rule = rules.content().assignment().get(i);
            reasons.add(rule.criteria().isEmpty() ? Reason.of(ReasonCode.FALLBACK_MATCHED, rules.ruleName(i))
                    : Reason.of(ReasonCode.RULE_MATCHED, rules.ruleName(i), rule.criteria()));
            Optional<AssigneeResolver.Choice> choice = AssigneeResolver.resolve(rule.assignTo(), fact, ctx, reasons);
            if (choice.isPresent()) {
                reasons.add(choice.get().why());
                ctx.remember(choice.get().userId(), fact.value("taxId"), fact.value("email"), fact.value("phone"));
                return new Decision(matched, i, choice.get().userId(), reasons);
            }
            reasons.add(Reason.of(ReasonCode.RULE_FOUND_NOBODY, rules.ruleName(i)));
        }
        reasons.add(Reason.of(ReasonCode.NO_RULE_ASSIGNED));
        return new Decision(matched, null, null, reasons);
    }
}
