package dev.cartera.core.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A product or service as an admin describes it; a recurring one names its billing period. */
public record ProductDraft(
        @NotBlank @Size(max = 60) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 20) String unit,
        @NotNull ProductKind kind,
        @NotNull Billing billing,
        RecurrencePeriod recurrencePeriod,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank @Size(max = 20) String taxCode,
        @Size(max = 80) String family,
        boolean active) {

    public static ProductDraft product(String sku, String name, String unitPrice, String taxCode) {
        return new ProductDraft(sku, name, null, "ud", ProductKind.PRODUCT, Billing.ONE_OFF, null, new BigDecimal(unitPrice),
                "EUR", taxCode, null, true);
    }

    public static ProductDraft service(String sku, String name, String unitPrice, String taxCode, RecurrencePeriod period) {
        return new ProductDraft(sku, name, null, period == RecurrencePeriod.MONTHLY ? "mes" : period == RecurrencePeriod.QUARTERLY
                ? "trimestre" : "año", ProductKind.SERVICE, Billing.RECURRING, period, new BigDecimal(unitPrice), "EUR", taxCode, null, true);
    }
}
