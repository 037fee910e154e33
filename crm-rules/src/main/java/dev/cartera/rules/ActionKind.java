package dev.cartera.rules;

/** What an automation rule does. */
public enum ActionKind {
    CREATE_TASK, RAISE_ALERT, SEND_EMAIL, CHANGE_STATUS,
    /** Only with {@link Trigger#USER_ABSENT}: hands the absent user's open tasks to the assignee, to offer back on return. */
    REASSIGN_TASKS
}
