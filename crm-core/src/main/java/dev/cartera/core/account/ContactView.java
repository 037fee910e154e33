package dev.cartera.core.account;

import java.time.Instant;
import java.util.UUID;

public record ContactView(UUID id, long version, UUID accountId, String firstName, String lastName, String jobTitle,
        String email, String phone, String mobile, String language, UUID ownerId, UUID originLeadId, String notes,
        Instant createdAt, Instant updatedAt) {

    public static ContactView of(Contact c) {
        return new ContactView(c.getId(), c.getVersion(), c.getAccountId(), c.getFirstName(), c.getLastName(),
                c.getJobTitle(), c.getEmail(), c.getPhone(), c.getMobile(), c.getLanguage(), c.getOwnerId(),
                c.getOriginLeadId(), c.getNotes(), c.getCreatedAt(), c.getUpdatedAt());
    }

    public String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }
}
