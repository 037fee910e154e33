package dev.cartera.rules;

import java.util.Locale;

/**
 * What is wrong with a rule ({@link RuleError}); each code has a sentence per language in the UI's bundles
 * ({@code cartera.rules.error.<key>}). The arguments each code takes are listed beside it.
 */
public enum RuleErrorCode {
    // The rule set
    NO_RULES,
    FALLBACK_MISSING,
    FALLBACK_HAS_CRITERIA,
    // Names
    NAME_REQUIRED,
    /** maximum length. */
    NAME_TOO_LONG,
    DUPLICATE_NAME,
    // Criteria
    EMPTY_CRITERION,
    FIELD_REQUIRED,
    /** the custom field key. */
    CUSTOM_KEY_INVALID,
    /** field, record type, the fields that record type has (a list of fields). */
    UNKNOWN_FIELD,
    /** field. */
    OPERATOR_REQUIRED,
    /** operator, field, values given. */
    ONE_VALUE_EXPECTED,
    /** operator, field. */
    VALUES_EXPECTED,
    /** operator, field, values given. */
    TWO_VALUES_EXPECTED,
    /** operator, field, values given. */
    NO_VALUES_EXPECTED,
    /** field. */
    BLANK_VALUE,
    /** field, the values. */
    NOT_A_NUMBER,
    /** field, from, to. */
    EMPTY_RANGE,
    // Who
    ASSIGNEE_REQUIRED,
    USER_REQUIRED,
    /** assignee kind. */
    TEAM_REQUIRED,
    NEGATIVE_WEIGHT,
    TERRITORY_TABLE_EMPTY,
    TERRITORY_INCOMPLETE,
    /** postcode from, postcode to. */
    POSTCODE_RANGE_EMPTY,
    RETURNING_CUSTOMER_LEADS_ONLY,
    NEW_LEAD_HAS_NO_OWNER,
    UNKNOWN_USER,
    UNKNOWN_TEAM,
    // Triggers and actions
    TRIGGER_REQUIRED,
    /** trigger. */
    DAYS_AT_LEAST_ONE,
    /** trigger. */
    EXPIRING_DAYS_REQUIRED,
    NEGATIVE_DAYS,
    ACTIONS_REQUIRED,
    ACTION_KIND_REQUIRED,
    /** action kind. */
    ABSENCE_ACTION_NOT_ALLOWED,
    TASK_TYPE_REQUIRED,
    TASK_TITLE_REQUIRED,
    TASK_DUE_IN_PAST,
    ALERT_KIND_REQUIRED,
    ALERT_MESSAGE_REQUIRED,
    EMAIL_RECIPIENT_REQUIRED,
    /** the address. */
    EMAIL_ADDRESS_INVALID,
    /** record type. */
    NO_CUSTOMER_TO_WRITE_TO,
    EMAIL_SUBJECT_REQUIRED,
    EMAIL_BODY_REQUIRED,
    /** maximum length. */
    TEXT_TOO_LONG,
    STATUS_REQUIRED,
    /** record type. */
    STATUS_CHANGE_NOT_ALLOWED,
    CONVERSION_NOT_AUTOMATIC,
    /** the status. */
    UNKNOWN_LEAD_STATUS,
    REASSIGN_ONLY_ON_ABSENCE,
    // Drools
    /** the compiler's own message. */
    DOES_NOT_COMPILE,
    /** line, the compiler's own message: raw DRL outside any rule. */
    RAW_DRL_DOES_NOT_COMPILE,
    /** the DRL rule's name, line, the compiler's own message. */
    RAW_DRL_RULE_DOES_NOT_COMPILE;

    /** The code as the API and the bundles spell it: {@code unknown-field}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
