package dev.cartera.core.document;

import java.util.UUID;

/** Filters for the documents view: text in the name, category, one customer, customer-provided only, deleted ones. */
public record DocumentQuery(String text, DocumentCategory category, UUID accountId, Boolean providedByCustomer, boolean deleted) {
    public static DocumentQuery all() {
        return new DocumentQuery(null, null, null, null, false);
    }
}
