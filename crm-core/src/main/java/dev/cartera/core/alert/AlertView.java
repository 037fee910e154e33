package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

public record AlertView(UUID id, long version, AlertKind kind, String icon, Severity severity, String messageKey,
        List<String> messageArgs, RecordType recordType, UUID recordId, UUID accountId, UUID userId,
        Instant acknowledgedAt, Instant snoozedUntil, Instant createdAt) {

    /** Arguments are stored one per line: a message argument never holds a line break. */
    static final String SEPARATOR = "\n";

    public static AlertView of(Alert a) {
        List<String> args = a.getMessageArgs() == null || a.getMessageArgs().isEmpty()
                ? List.of() : Arrays.asList(a.getMessageArgs().split(SEPARATOR, -1));
        return new AlertView(a.getId(), a.getVersion(), a.getKind(), a.getKind().icon(), a.getSeverity(),
                a.getMessageKey(), args, a.getRecordType(), a.getRecordId(), a.getAccountId(), a.getUserId(),
                a.getAcknowledgedAt(), a.getSnoozedUntil(), a.getCreatedAt());
    }

    public boolean active(Instant now) {
        return acknowledgedAt == null && (snoozedUntil == null || !snoozedUntil.isAfter(now));
    }
}
