package dev.cartera.spring.api.lead;

import dev.cartera.core.lead.LeadConversion;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Body of {@code POST /leads/{id}/convert}, every field optional: a deal is created unless
 * {@code createOpportunity} is false. The service validates the {@link LeadConversion} it becomes.
 */
public record Conversion(UUID existingAccountId, Boolean createOpportunity, String opportunityName, BigDecimal amount) {
    static final Conversion USUAL = new Conversion(null, null, null, null);

    LeadConversion toCommand() {
        return new LeadConversion(existingAccountId, !Boolean.FALSE.equals(createOpportunity), opportunityName, amount);
    }
}
