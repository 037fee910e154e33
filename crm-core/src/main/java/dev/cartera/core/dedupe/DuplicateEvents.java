package dev.cartera.core.dedupe;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class DuplicateEvents {
    private DuplicateEvents() {
    }

    /** {@code duplicateId} no longer exists; everything that pointed at it points at {@code survivorId}. */
    public record RecordsMerged(String tenantId, Instant occurredAt, String actor, RecordType type, UUID survivorId,
            UUID duplicateId) implements CrmEvent {
    }
}
