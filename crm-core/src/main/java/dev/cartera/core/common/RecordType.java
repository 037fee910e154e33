package dev.cartera.core.common;

/** The kinds of records that permissions, audit, links and custom fields talk about. */
public enum RecordType {
    ACCOUNT, CONTACT, LEAD, OPPORTUNITY, ACTIVITY, PIPELINE, PRODUCT, PRICE_LIST, QUOTE, ALERT, DOCUMENT,
    CAMPAIGN, USER, TEAM, OFFICE, TARGET, CUSTOM_FIELD, CONSENT, REPORT, RULE
}
