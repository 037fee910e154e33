package dev.cartera.spring.api.activity;

import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

/**
 * Body of {@code POST /activities}: the fields of {@link ActivityDraft}, with {@code done} optional
 * (Jackson 3 refuses a missing primitive). The service validates the draft it becomes.
 */
public record NewActivity(ActivityType type, String subject, String description, RecordType relatedType,
        UUID relatedId, UUID ownerId, Instant dueAt, Instant startAt, Instant endAt, Priority priority, UUID parentId,
        Integer durationMinutes, Boolean done) {

    ActivityDraft toDraft() {
        return new ActivityDraft(type, subject, description, relatedType, relatedId, ownerId, dueAt, startAt, endAt,
                priority, parentId, durationMinutes, Boolean.TRUE.equals(done));
    }
}
