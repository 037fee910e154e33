package dev.cartera.core.dedupe;

import java.util.UUID;

/**
 * What to look for: the identifying data of a record being typed, posted or imported. Any part may
 * be null. {@code excludeId} leaves the record itself out when checking an existing one.
 */
public record DuplicateProbe(String firstName, String lastName, String companyName, String email, String phone,
        String taxId, UUID excludeId) {

    public static DuplicateProbe company(String companyName, String email, String phone, String taxId) {
        return new DuplicateProbe(null, null, companyName, email, phone, taxId, null);
    }

    public static DuplicateProbe person(String firstName, String lastName, String email, String phone) {
        return new DuplicateProbe(firstName, lastName, null, email, phone, null, null);
    }
}
