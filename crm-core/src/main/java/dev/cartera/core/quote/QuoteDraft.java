package dev.cartera.core.quote;

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
 * A quote as the builder sends it, on a deal or straight on a customer. The account defaults to
 * the deal's; validity to 30 days; {@code equivalenceSurcharge} adds recargo de equivalencia for
 * a retailer under that regime.
 */
public record QuoteDraft(
        UUID opportunityId,
        UUID accountId,
        UUID contactId,
        @Size(max = 200) String title,
        LocalDate validUntil,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @DecimalMin("0") @Digits(integer = 3, fraction = 4) BigDecimal globalDiscountPercent,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal globalDiscountAmount,
        boolean equivalenceSurcharge,
        @Size(max = 4000) String notes,
        @NotNull @Size(max = 500) List<@Valid QuoteLineDraft> lines) {

    public QuoteDraft {
        lines = lines == null ? null : List.copyOf(lines);
    }

    public static QuoteDraft forDeal(UUID opportunityId, List<QuoteLineDraft> lines) {
        return new QuoteDraft(opportunityId, null, null, null, null, null, null, null, false, null, lines);
    }

    public QuoteDraft withValidUntil(LocalDate date) {
        return new QuoteDraft(opportunityId, accountId, contactId, title, date, currency, globalDiscountPercent, globalDiscountAmount,
                equivalenceSurcharge, notes, lines);
    }

    public QuoteDraft withGlobalDiscountAmount(String amount) {
        return new QuoteDraft(opportunityId, accountId, contactId, title, validUntil, currency, null, new BigDecimal(amount),
                equivalenceSurcharge, notes, lines);
    }

    public QuoteDraft withEquivalenceSurcharge() {
        return new QuoteDraft(opportunityId, accountId, contactId, title, validUntil, currency, globalDiscountPercent,
                globalDiscountAmount, true, notes, lines);
    }
}
