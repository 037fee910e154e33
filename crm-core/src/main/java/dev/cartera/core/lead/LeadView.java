package dev.cartera.core.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

public record LeadView(UUID id, long version, String firstName, String lastName, String companyName, String jobTitle,
        String email, String phone, String taxId, String source, UUID campaignId, LeadStatus status, UUID ownerId,
        String street, String city, String postcode, String province, String country, String language,
        Integer companySize, String productInterest, String notes, String disqualifyReason, Instant assignedAt,
        Instant convertedAt, UUID convertedAccountId, UUID convertedContactId, UUID convertedOpportunityId,
        Instant createdAt, Instant updatedAt, Instant lastContactedAt) {

    public static LeadView of(Lead l) {
        return new LeadView(l.getId(), l.getVersion(), l.getFirstName(), l.getLastName(), l.getCompanyName(),
                l.getJobTitle(), l.getEmail(), l.getPhone(), l.getTaxId(), l.getSource(), l.getCampaignId(), l.getStatus(),
                l.getOwnerId(), l.getStreet(), l.getCity(), l.getPostcode(), l.getProvince(), l.getCountry(),
                l.getLanguage(), l.getCompanySize(), l.getProductInterest(), l.getNotes(), l.getDisqualifyReason(),
                l.getAssignedAt(), l.getConvertedAt(), l.getConvertedAccountId(), l.getConvertedContactId(),
                l.getConvertedOpportunityId(), l.getCreatedAt(), l.getUpdatedAt(), l.getLastContactedAt());
    }

    public String displayName() {
        String person = ((firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName)).strip();
        if (companyName == null) {
            return person;
        }
        return person.isEmpty() ? companyName : person + " (" + companyName + ")";
    }

    /** Whole days since the last completed call, meeting, e-mail or visit on the lead; since registration if none. */
    public long daysSinceLastContact(Instant now) {
        return Duration.between(lastContactedAt != null ? lastContactedAt : createdAt, now).toDays();
    }

    /** Whole days since registration, until conversion or {@code now}. */
    public long ageDays(Instant now) {
        return Duration.between(createdAt, convertedAt != null ? convertedAt : now).toDays();
    }
}
