package dev.cartera.core.imports;

/** What an import does with a row that matches an existing lead, contact or account by tax id, e-mail or phone. */
public enum DuplicatePolicy {
    /** Leave the existing record alone and count the row as skipped. */
    SKIP,
    /** Fill the existing lead with the row's non-blank values; rows matching a contact or account are skipped. */
    UPDATE,
    /** Create a new lead anyway. */
    CREATE
}
