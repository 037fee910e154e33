package dev.cartera.spring.api.catalog;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.ProductDraft;
import dev.cartera.core.catalog.ProductKind;
import dev.cartera.core.catalog.RecurrencePeriod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A {@link ProductDraft} as JSON, {@code active} optional (true). */
public record ProductRequest(
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
        Boolean active) {

    ProductDraft toDraft() {
        return new ProductDraft(sku, name, description, unit, kind, billing, recurrencePeriod, unitPrice, currency, taxCode, family,
                !Boolean.FALSE.equals(active));
    }
}
