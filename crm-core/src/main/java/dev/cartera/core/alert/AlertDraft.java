package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import java.util.List;
import java.util.UUID;

/**
 * An alert to raise: for whom, about which record, and the message key with its arguments (the text
 * is translated when shown). {@code dedupeKey} keeps one open alert per situation — the same overdue
 * task raises one alert, not one per timer run.
 */
public record AlertDraft(AlertKind kind, Severity severity, UUID userId, RecordType recordType, UUID recordId,
        UUID accountId, String messageKey, List<String> messageArgs, String dedupeKey) {

    public AlertDraft {
        messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
    }

    public static AlertDraft of(AlertKind kind, UUID userId, RecordType recordType, UUID recordId, UUID accountId, String... args) {
        return new AlertDraft(kind, null, userId, recordType, recordId, accountId, "alert." + kind.name(), List.of(args),
                kind + ":" + recordType + ":" + recordId);
    }
}
