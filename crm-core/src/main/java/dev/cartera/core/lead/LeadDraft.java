package dev.cartera.core.lead;

import dev.cartera.core.dedupe.DuplicateProbe;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A lead as typed in a form, posted to the API or read from a file row. A name or a company is required. */
public record LeadDraft(
        @Size(max = 100) String firstName,
        @Size(max = 150) String lastName,
        @Size(max = 200) String companyName,
        @Size(max = 120) String jobTitle,
        @Email @Size(max = 254) String email,
        @Size(max = 30) String phone,
        @Size(max = 20) String taxId,
        @Size(max = 40) String source,
        UUID campaignId,
        UUID ownerId,
        @Size(max = 200) String street,
        @Size(max = 120) String city,
        @Size(max = 10) String postcode,
        @Size(max = 80) String province,
        @Pattern(regexp = "[A-Z]{2}") String country,
        @Pattern(regexp = "[a-z]{2}") String language,
        @Min(0) Integer companySize,
        @Size(max = 200) String productInterest,
        @Size(max = 4000) String notes) {

    @AssertTrue(message = "lead.name.required")
    public boolean isNamed() {
        return !(blank(lastName) && blank(companyName) && blank(firstName));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static LeadDraft of(String firstName, String lastName, String companyName, String email, String phone, String source) {
        return new LeadDraft(firstName, lastName, companyName, null, email, phone, null, source, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** What the duplicate check looks for. */
    public DuplicateProbe probe() {
        return new DuplicateProbe(firstName, lastName, companyName, email, phone, taxId, null);
    }

    public LeadDraft withOwner(UUID owner) {
        return new LeadDraft(firstName, lastName, companyName, jobTitle, email, phone, taxId, source, campaignId, owner,
                street, city, postcode, province, country, language, companySize, productInterest, notes);
    }

    public LeadDraft withTaxId(String id) {
        return new LeadDraft(firstName, lastName, companyName, jobTitle, email, phone, id, source, campaignId, ownerId,
                street, city, postcode, province, country, language, companySize, productInterest, notes);
    }
}
