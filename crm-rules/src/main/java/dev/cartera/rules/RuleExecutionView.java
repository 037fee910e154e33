package dev.cartera.rules;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

/** What a rule decided or did: the history of assignments (with the rule that decided each) and of automation. */
public record RuleExecutionView(UUID id, RuleSetKind kind, UUID versionId, String ruleName, String trigger,
        RecordType recordType, UUID recordId, UUID userId, String outcome, Instant executedAt) {
}
