package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert to raise for one user about one record. {@code dedupeKey}, when given, makes raising
 * idempotent: a second alert with the same key for the same user is not created while the first is open.
 */
public record AlertDraft(AlertKind kind, Severity severity, String messageKey, String messageArgs, RecordType recordType,
        UUID recordId, UUID accountId, UUID userId, String dedupeKey) {
    public AlertDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(userId, "userId");
    }
}
