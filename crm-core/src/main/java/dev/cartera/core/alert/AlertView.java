package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

public record AlertView(UUID id, long version, AlertKind kind, Severity severity, String messageKey, String messageArgs,
        RecordType recordType, UUID recordId, UUID accountId, UUID userId, Instant acknowledgedAt, Instant createdAt) {

    public static AlertView of(Alert a) {
        return new AlertView(a.getId(), a.getVersion(), a.getKind(), a.getSeverity(), a.getMessageKey(), a.getMessageArgs(),
                a.getRecordType(), a.getRecordId(), a.getAccountId(), a.getUserId(), a.getAcknowledgedAt(), a.getCreatedAt());
    }
}
