package dev.cartera.core.account;

import java.util.UUID;

/** Filters for the account list; every field optional. {@code role} is customer, supplier or partner. */
public record AccountQuery(String text, String role, UUID ownerId) {
    public static AccountQuery all() {
        return new AccountQuery(null, null, null);
    }
}
