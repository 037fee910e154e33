package dev.cartera.core.document;

import java.time.Instant;
import java.util.UUID;
import dev.cartera.core.event.CrmEvent;

public final class DocumentEvents {
    private DocumentEvents() {
    }

    public record DocumentAdded(String tenantId, Instant occurredAt, String actor, UUID documentId,
            boolean providedByCustomer) implements CrmEvent {
    }

    public record DocumentDeleted(String tenantId, Instant occurredAt, String actor, UUID documentId) implements CrmEvent {
    }
}
