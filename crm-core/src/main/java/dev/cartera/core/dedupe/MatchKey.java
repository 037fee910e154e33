package dev.cartera.core.dedupe;

/** What two records have in common. */
public enum MatchKey {
    TAX_ID, EMAIL, PHONE, COMPANY_NAME, PERSON_NAME
}
