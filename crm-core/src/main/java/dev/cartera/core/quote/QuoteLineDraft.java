package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A quote line as the builder sends it. With a product, what is left out (description, unit,
 * price from the customer's price list, tax, billing) comes from the catalogue; a free-text line
 * states its description, price and tax.
 */
public record QuoteLineDraft(
        UUID productId,
        @Size(max = 1000) String description,
        @Size(max = 20) String unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal quantity,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
        @DecimalMin("0") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal discountAmount,
        @Size(max = 20) String taxCode,
        Billing billing,
        RecurrencePeriod recurrencePeriod) {

    public static QuoteLineDraft ofProduct(UUID productId, String quantity) {
        return new QuoteLineDraft(productId, null, null, new BigDecimal(quantity), null, null, null, null, null, null);
    }

    public static QuoteLineDraft freeText(String description, String quantity, String unitPrice, String taxCode) {
        return new QuoteLineDraft(null, description, null, new BigDecimal(quantity), new BigDecimal(unitPrice), null, null, taxCode,
                Billing.ONE_OFF, null);
    }

    public QuoteLineDraft withDiscountPercent(String percent) {
        return new QuoteLineDraft(productId, description, unit, quantity, unitPrice, new BigDecimal(percent), null, taxCode, billing,
                recurrencePeriod);
    }
}
