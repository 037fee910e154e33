package dev.cartera.core.activity;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

public record ActivityView(UUID id, long version, ActivityType type, String subject, String description,
        RecordType relatedType, UUID relatedId, UUID accountId, ActivityStatus status, Priority priority, UUID ownerId,
        Instant dueAt, Instant startAt, Instant endAt, Instant completedAt, String outcome, Integer durationMinutes,
        UUID parentId, boolean automatic, Instant createdAt, Instant remindAt) {

    public static ActivityView of(Activity a) {
        return new ActivityView(a.getId(), a.getVersion(), a.getType(), a.getSubject(), a.getDescription(),
                a.getRelatedType(), a.getRelatedId(), a.getAccountId(), a.getStatus(), a.getPriority(), a.getOwnerId(),
                a.getDueAt(), a.getStartAt(), a.getEndAt(), a.getCompletedAt(), a.getOutcome(), a.getDurationMinutes(),
                a.getParentId(), a.isAutomatic(), a.getCreatedAt(), a.getRemindAt());
    }

    public boolean overdue(Instant now) {
        return status == ActivityStatus.PLANNED && dueAt != null && dueAt.isBefore(now);
    }

    /** When it happened or is due: what a timeline sorts by. */
    public Instant when() {
        if (completedAt != null) {
            return completedAt;
        }
        if (startAt != null) {
            return startAt;
        }
        return dueAt != null ? dueAt : createdAt;
    }
}
