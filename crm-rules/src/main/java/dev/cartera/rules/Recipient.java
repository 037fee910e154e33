package dev.cartera.rules;

/** Who an automatic e-mail goes to. */
public enum Recipient {
    /** The user who owns the record. */
    OWNER,
    /** The customer: the lead's, contact's or account's own e-mail address. */
    RECORD,
    /** A fixed address given in the rule. */
    ADDRESS
}
