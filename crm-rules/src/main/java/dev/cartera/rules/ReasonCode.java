package dev.cartera.rules;

import java.util.Locale;

/**
 * What a {@link Reason} says; each code has a sentence per language in the UI's bundles
 * ({@code cartera.rules.reason.<key>}). The arguments each code takes are listed beside it.
 */
public enum ReasonCode {
    // Assignment
    /** rule, criteria (a list of {@link Criterion}). */
    RULE_MATCHED,
    /** rule: a rule without criteria, the fallback. */
    FALLBACK_MATCHED,
    /** rule. */
    RULE_FOUND_NOBODY,
    NO_RULE_ASSIGNED,
    // Picking a user
    /** user. */
    FIXED_USER,
    /** user. */
    FIXED_USER_UNAVAILABLE,
    /** user. */
    ROUND_ROBIN_TURN,
    ROUND_ROBIN_NOBODY,
    /** user, open leads, open deals, weighted load. */
    LEAST_LOADED,
    LEAST_LOADED_NOBODY,
    /** province, user. */
    TERRITORY_PROVINCE,
    /** postcode from, postcode to, user. */
    TERRITORY_POSTCODES,
    /** user. */
    TERRITORY_OWNER_UNAVAILABLE,
    /** province, postcode (either may be null). */
    TERRITORY_NO_ENTRY,
    /** user. */
    RETURNING_CUSTOMER,
    NOT_RETURNING_CUSTOMER,
    RETURNING_CUSTOMER_REPS_UNAVAILABLE,
    /** user. */
    RECORD_OWNER,
    RECORD_OWNER_MISSING,
    /** user. */
    RECORD_OWNER_UNAVAILABLE,
    // Automation
    /** rule, trigger, criteria. */
    AUTOMATION_MATCHED,
    /** rule, trigger: a rule without conditions. */
    AUTOMATION_MATCHED_ALWAYS,
    /** trigger. */
    NO_RULE_MATCHED,
    /** record type. */
    NO_SUCH_RECORD,
    /** task title. */
    TASK_SKIPPED,
    ALERT_SKIPPED,
    /** e-mail subject, recipient. */
    EMAIL_SKIPPED,
    /** lead status. */
    LEAD_STATUS_UNCHANGED,
    NO_DEAL_TO_MOVE,
    DEAL_WITHOUT_PIPELINE,
    /** stage. */
    NO_SUCH_STAGE,
    /** stage. */
    DEAL_ALREADY_IN_STAGE,
    /** deal status. */
    DEAL_CLOSED,
    // Timers on real records that would not act now
    /** rule, why (another reason). */
    TIMER_NOT_DUE,
    /** quote status. */
    QUOTE_NOT_AWAITING_ANSWER,
    /** last valid day. */
    QUOTE_VALIDITY_PASSED,
    /** days of validity left, days the rule warns before, last valid day. */
    QUOTE_NOT_EXPIRING_YET,
    /** days since sent, days the rule waits. */
    QUOTE_ANSWER_NOT_OVERDUE,
    /** deal status. */
    DEAL_NOT_OPEN,
    STAGE_WITHOUT_TIME_LIMIT,
    /** days in the stage, time limit in days. */
    DEAL_NOT_STUCK_YET,
    ACCOUNT_NOT_CUSTOMER,
    /** days since the last contact, days the rule waits. */
    CUSTOMER_CONTACTED_RECENTLY,
    /** task status. */
    TASK_NOT_OPEN,
    TASK_WITHOUT_DUE_DATE,
    /** due date. */
    TASK_NOT_OVERDUE_YET,
    USER_NOT_ABSENT,
    // Planned actions
    /** task type, title, user, why that user (another reason). */
    TASK_PLANNED,
    /** severity, alert kind, message, user. */
    ALERT_PLANNED,
    /** subject, address. */
    EMAIL_PLANNED,
    /** subject, address: to the record's customer. */
    EMAIL_TO_CUSTOMER_PLANNED,
    /** lead status. */
    LEAD_STATUS_PLANNED,
    /** stage. */
    STAGE_PLANNED,
    /** absent user. */
    TASKS_HANDED_OVER,
    /** task subject, absent user, colleague, why that colleague (another reason). */
    TASK_HANDED_OVER;

    /** The code as the API and the bundles spell it: {@code rule-matched}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
