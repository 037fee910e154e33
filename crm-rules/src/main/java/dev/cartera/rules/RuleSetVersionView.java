package dev.cartera.rules;

import java.time.Instant;
import java.util.UUID;

/** One version of a rule set as the admin sees it. */
public record RuleSetVersionView(UUID id, UUID ruleSetId, RuleSetKind kind, int number, VersionStatus status,
        RuleSetContent content, String rawDrl, String comment, Instant createdAt, String createdBy, Instant activatedAt,
        String activatedBy, Instant archivedAt) {
}
