package dev.cartera.core.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A deal as a user describes it. Pipeline and stage default to the default pipeline's first stage. */
public record OpportunityDraft(
        @NotBlank @Size(max = 200) String name,
        UUID accountId,
        UUID contactId,
        UUID pipelineId,
        UUID stageId,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        LocalDate expectedCloseDate,
        UUID ownerId,
        @Size(max = 40) String source,
        UUID campaignId,
        @Size(max = 4000) String description) {

    public static OpportunityDraft named(String name, UUID accountId, BigDecimal amount) {
        return new OpportunityDraft(name, accountId, null, null, null, amount, null, null, null, null, null, null);
    }
}
