package dev.cartera.core.opportunity;

import java.util.function.Predicate;

/**
 * The deal fields an admin can make a stage ask for: e.g. an amount before "Oferta
 * presentada" or an expected close date before "En negociación". A lost stage always asks for a
 * lost reason on top of these.
 */
public enum DealField {
    AMOUNT(o -> o.getAmount() != null && o.getAmount().signum() > 0),
    EXPECTED_CLOSE_DATE(o -> o.getExpectedCloseDate() != null),
    ACCOUNT(o -> o.getAccountId() != null),
    CONTACT(o -> o.getContactId() != null),
    DESCRIPTION(o -> o.getDescription() != null && !o.getDescription().isBlank());

    private final Predicate<Opportunity> present;

    DealField(Predicate<Opportunity> present) {
        this.present = present;
    }

    /** The field name callers and message bundles use, as in {@link OpportunityDraft}. */
    public String fieldName() {
        return switch (this) {
            case AMOUNT -> "amount";
            case EXPECTED_CLOSE_DATE -> "expectedCloseDate";
            case ACCOUNT -> "accountId";
            case CONTACT -> "contactId";
            case DESCRIPTION -> "description";
        };
    }

    boolean isPresentIn(Opportunity o) {
        return present.test(o);
    }
}
