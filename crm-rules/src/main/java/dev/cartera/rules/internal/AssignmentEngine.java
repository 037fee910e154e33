package dev.cartera.rules.internal;

import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Drools says which rules match a lead; this tries them in order until one yields an eligible user. */
public final class AssignmentEngine {
    private AssignmentEngine() {
    }

    /** The outcome for one lead: matching rules, the deciding rule (or none) and the user, with the reasoning. */
    public record Decision(List<Integer> matched, Integer decidedBy, UUID userId, List<String> reasons) {
    }

    public static Decision decide(CompiledRuleSet rules, RecordFact fact, AssignmentContext ctx) {
        return decide(rules, fact, rules.match(fact), ctx);
    }

    public static Decision decide(CompiledRuleSet rules, RecordFact fact, List<Integer> matched, AssignmentContext ctx) {
        List<String> reasons = new ArrayList<>();
        for (int i : matched) {
            AssignmentRule rule = rules.content().assignment().get(i);
            reasons.add("rule '" + rules.ruleName(i) + "' matched" + describe(rule.criteria()));
            Optional<AssigneeResolver.Choice> choice = AssigneeResolver.resolve(rule.assignTo(), fact, ctx, reasons);
            if (choice.isPresent()) {
                reasons.add(choice.get().why());
                ctx.remember(choice.get().userId(), fact.value("taxId"), fact.value("email"), fact.value("phone"));
                return new Decision(matched, i, choice.get().userId(), reasons);
            }
            reasons.add("rule '" + rules.ruleName(i) + "' found nobody eligible; trying the next rule");
        }
        reasons.add("no rule could assign the lead: its creator keeps it");
        return new Decision(matched, null, null, reasons);
    }

    static String describe(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return " (no criteria: fallback)";
        }
        return ": " + criteria.stream().map(c -> c.field() + " " + c.operator().name().toLowerCase().replace('_', ' ')
                + (c.operator() == Operator.IS_EMPTY ? "" : " " + c.values())).collect(Collectors.joining(" and "));
    }
}
