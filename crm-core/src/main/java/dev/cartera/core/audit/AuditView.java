package dev.cartera.core.audit;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

public record AuditView(Instant occurredAt, String username, String action, RecordType recordType, UUID recordId, String details) {
    public static AuditView of(AuditEntry e) {
        return new AuditView(e.getOccurredAt(), e.getUsername(), e.getAction(), e.getRecordType(), e.getRecordId(), e.getDetails());
    }
}
