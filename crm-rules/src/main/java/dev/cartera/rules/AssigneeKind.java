package dev.cartera.rules;

/** How a rule picks a user. Absent and inactive users are never picked by any of them. */
public enum AssigneeKind {
    /** One named user. */
    USER,
    /** The team's sales reps in turn; the turn is a locked row per team, so concurrent assignments stay fair. */
    ROUND_ROBIN,
    /** The team's sales rep with the smallest weighted load of open leads and open deals. */
    LEAST_LOADED,
    /** The user of the first territory entry (province and/or postcode range) the lead falls in. */
    TERRITORY,
    /** The owner of the existing customer with the same tax id, e-mail or phone, or the rep who handled it last. */
    RETURNING_CUSTOMER,
    /** The owner of the record the rule is about (automation). */
    RECORD_OWNER
}
