package dev.cartera.spring.api.quote;

import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A {@link QuoteDraft} as JSON: the same fields, with {@code equivalenceSurcharge} optional (false)
 * because Jackson 3 refuses a missing primitive.
 */
public record QuoteRequest(
        UUID opportunityId,
        UUID accountId,
        UUID contactId,
        @Size(max = 200) String title,
        LocalDate validUntil,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @DecimalMin("0") @Digits(integer = 3, fraction = 4) BigDecimal globalDiscountPercent,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal globalDiscountAmount,
        Boolean equivalenceSurcharge,
        @Size(max = 4000) String notes,
        @NotNull @Size(max = 500) List<@Valid QuoteLineDraft> lines) {

    QuoteDraft toDraft() {
        return new QuoteDraft(opportunityId, accountId, contactId, title, validUntil, currency, globalDiscountPercent,
                globalDiscountAmount, Boolean.TRUE.equals(equivalenceSurcharge), notes, lines);
    }
}
