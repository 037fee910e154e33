package dev.cartera.rules;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;

/**
 * One action of an automation rule; which fields matter depends on {@link #kind()}. Texts are templates:
 * {@code {name}}, {@code {stage}}, {@code {days}}… are replaced by the record's values (plain text replacement,
 * nothing is evaluated).
 */
public record RuleAction(ActionKind kind, ActivityType taskType, String title, Integer dueInDays, Assignee assignee,
        AlertKind alertKind, Severity severity, Recipient recipient, String address, String subject, String body,
        String status) {

    public static RuleAction task(ActivityType type, String title, int dueInDays, Assignee assignee) {
        return new RuleAction(ActionKind.CREATE_TASK, type, title, dueInDays, assignee, null, null, null, null, null, null, null);
    }

    public static RuleAction alert(AlertKind kind, Severity severity, String message) {
        return new RuleAction(ActionKind.RAISE_ALERT, null, message, null, null, kind, severity, null, null, null, null, null);
    }

    public static RuleAction email(Recipient recipient, String address, String subject, String body) {
        return new RuleAction(ActionKind.SEND_EMAIL, null, null, null, null, null, null, recipient, address, subject, body, null);
    }

    /** A lead status ({@code CONTACTED}…) or, for a deal, the name of a stage of its pipeline. */
    public static RuleAction changeStatus(String status) {
        return new RuleAction(ActionKind.CHANGE_STATUS, null, null, null, null, null, null, null, null, null, null, status);
    }

    public static RuleAction reassignTasks(Assignee assignee) {
        return new RuleAction(ActionKind.REASSIGN_TASKS, null, null, null, assignee, null, null, null, null, null, null, null);
    }
}
