package dev.cartera.core.lead;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * How to convert a lead: into a new account (or an existing one), a contact, and optionally a deal.
 * Everything optional: {@code new LeadConversion(null, true, null, null)} does the usual thing.
 */
public record LeadConversion(UUID existingAccountId, boolean createOpportunity,
        @Size(max = 200) String opportunityName, @DecimalMin("0") BigDecimal amount) {

    public static LeadConversion withOpportunity(String name, BigDecimal amount) {
        return new LeadConversion(null, true, name, amount);
    }
}
