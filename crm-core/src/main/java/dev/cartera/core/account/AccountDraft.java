package dev.cartera.core.account;

import dev.cartera.core.dedupe.DuplicateProbe;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What a user types for a customer, supplier or partner. {@code kind} defaults to COMPANY, roles to customer. */
public record AccountDraft(
        AccountKind kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String legalName,
        @Size(max = 20) String taxId,
        @Email @Size(max = 254) String email,
        @Size(max = 30) String phone,
        @Size(max = 300) String website,
        @Size(max = 200) String street,
        @Size(max = 120) String city,
        @Size(max = 10) String postcode,
        @Size(max = 80) String province,
        @Pattern(regexp = "[A-Z]{2}") String country,
        @Size(max = 80) String industry,
        @Min(0) Integer employees,
        Boolean customer,
        Boolean supplier,
        Boolean partner,
        UUID ownerId,
        @Size(max = 40) String source,
        @Size(max = 40) String segment,
        @Size(max = 4000) String notes) {

    /** What the duplicate check looks for. */
    public DuplicateProbe probe() {
        return kind == AccountKind.PERSON ? new DuplicateProbe(null, name, null, email, phone, taxId, null)
                : new DuplicateProbe(null, null, name, email, phone, taxId, null);
    }

    public static AccountDraft company(String name) {
        return new AccountDraft(AccountKind.COMPANY, name, null, null, null, null, null, null, null, null, null, null,
                null, null, true, false, false, null, null, null, null);
    }
}
