package dev.cartera.core.alert;

import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class AlertEvents {
    private AlertEvents() {
    }

    /** Raised for a user: the web UI pushes it as a toast to that user's open pages. */
    public record AlertRaised(String tenantId, Instant occurredAt, String actor, UUID alertId, UUID userId,
            AlertKind kind, Severity severity) implements CrmEvent {
    }
}
