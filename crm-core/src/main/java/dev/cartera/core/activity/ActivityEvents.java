package dev.cartera.core.activity;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class ActivityEvents {
    private ActivityEvents() {
    }

    public record ActivityCreated(String tenantId, Instant occurredAt, String actor, UUID activityId, ActivityType type,
            RecordType relatedType, UUID relatedId, UUID ownerId, boolean automatic) implements CrmEvent {
    }

    public record ActivityCompleted(String tenantId, Instant occurredAt, String actor, UUID activityId, ActivityType type,
            UUID accountId) implements CrmEvent {
    }
}
