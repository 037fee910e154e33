package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class AlertEvents {
    private AlertEvents() {
    }

    /** The UI's bell and toasts listen to this. */
    public record AlertRaised(String tenantId, Instant occurredAt, String actor, UUID alertId, AlertKind kind, Severity severity,
            RecordType recordType, UUID recordId, UUID userId) implements CrmEvent {
    }
}
