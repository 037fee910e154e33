package dev.cartera.spring.ui;

import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The card's quick form: log a call (or meeting, visit…) that happened, or plan a task. With a due
 * date, or as a to-do, it is planned; otherwise it is logged as done now.
 */
public class ActivityForm {
    private ActivityType type = ActivityType.CALL;
    private String subject;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate due;
    private Reminder remind = Reminder.NONE;

    /** When to remind a planned task's assignee: 09:00 on the due day or the day before, firm time. */
    public enum Reminder {
        NONE, SAME_DAY, DAY_BEFORE;

        Instant at(LocalDate due, ZoneId zone) {
            return switch (this) {
                case NONE -> null;
                case SAME_DAY -> due.atTime(9, 0).atZone(zone).toInstant();
                case DAY_BEFORE -> due.minusDays(1).atTime(9, 0).atZone(zone).toInstant();
            };
        }
    }

    /** The reminder time for the task this form plans, or null. */
    Instant reminderAt(CarteraUiFormat format) {
        if (remind == null || remind == Reminder.NONE || due == null) {
            return null;
        }
        return remind.at(due, format.zone());
    }

    ActivityDraft toDraft(UUID accountId, CarteraUiFormat format) {
        ActivityType kind = type == null ? ActivityType.NOTE : type;
        LocalDate dueDate = due == null && kind == ActivityType.TODO ? LocalDate.ofInstant(format.now(), format.zone()) : due;
        boolean planned = dueDate != null;
        return new ActivityDraft(kind, subject, description, RecordType.ACCOUNT, accountId, null,
                planned ? format.endOf(dueDate) : null, null, null, Priority.NORMAL, null, null, !planned);
    }

    public ActivityType getType() {
        return type;
    }

    public void setType(ActivityType type) {
        this.type = type;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Reminder getRemind() {
        return remind;
    }

    public void setRemind(Reminder remind) {
        this.remind = remind;
    }

    public LocalDate getDue() {
        return due;
    }

    public void setDue(LocalDate due) {
        this.due = due;
    }
}
