package dev.cartera.reporting.custom;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The task created for each row of a report: "call every customer in this list".
 *
 * @param assignee            who does each task; null for the caller
 * @param assignToRecordOwner give each task to the owner of its row's record instead (see {@link #toRecordOwners()})
 */
public record TaskTemplate(ActivityType type, String subject, Instant dueAt, Priority priority, UUID assignee,
        boolean assignToRecordOwner) {
    public TaskTemplate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    public static TaskTemplate of(ActivityType type, String subject, Instant dueAt) {
        return new TaskTemplate(type, subject, dueAt, Priority.NORMAL, null, false);
    }

    /** Gives each task to the owner of its row's record (needs the right to assign within scope). */
    public TaskTemplate toRecordOwners() {
        return new TaskTemplate(type, subject, dueAt, priority, null, true);
    }
}
