package dev.cartera.rules;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a rule decided or did: the history of assignments (with the rule that decided each) and of automation.
 * {@code explanation} says why the user was picked (assignment) or what was done (automation); rows written before
 * reasons had codes carry their English {@code outcome} text instead.
 */
public record RuleExecutionView(UUID id, RuleSetKind kind, UUID versionId, String ruleName, String trigger,
        RecordType recordType, UUID recordId, UUID userId, String outcome, Instant executedAt, List<Reason> explanation) {
    public RuleExecutionView {
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }
}
