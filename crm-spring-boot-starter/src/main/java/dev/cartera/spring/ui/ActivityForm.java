package dev.cartera.spring.ui;

import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import java.time.LocalDate;
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

    public LocalDate getDue() {
        return due;
    }

    public void setDue(LocalDate due) {
        this.due = due;
    }
}
