package dev.cartera.core.activity;

import dev.cartera.core.common.RecordType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A call, meeting, e-mail, visit, note or to-do. Give it a related record (account, contact, lead or
 * deal) and it lands on that customer's timeline; give it a due date and it is a task with an assignee.
 */
public record ActivityDraft(
        @NotNull ActivityType type,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String description,
        RecordType relatedType,
        UUID relatedId,
        UUID ownerId,
        Instant dueAt,
        Instant startAt,
        Instant endAt,
        Priority priority,
        UUID parentId,
        @Min(0) Integer durationMinutes,
        boolean done) {

    public static ActivityDraft task(String subject, RecordType relatedType, UUID relatedId, Instant dueAt) {
        return new ActivityDraft(ActivityType.TODO, subject, null, relatedType, relatedId, null, dueAt, null, null,
                Priority.NORMAL, null, null, false);
    }

    public static ActivityDraft logged(ActivityType type, String subject, RecordType relatedType, UUID relatedId) {
        return new ActivityDraft(type, subject, null, relatedType, relatedId, null, null, null, null, Priority.NORMAL,
                null, null, true);
    }
}
