package dev.cartera.spring.api.catalog;

import dev.cartera.core.catalog.TaxDraft;
import dev.cartera.core.catalog.TaxKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A {@link TaxDraft} as JSON; the code comes from the URL and {@code active} is optional (true). */
public record TaxRequest(@NotBlank @Size(max = 120) String name, @NotNull TaxKind kind,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal rate, @Size(max = 500) String legalNote, Boolean active) {

    TaxDraft toDraft(String code) {
        return new TaxDraft(code, name, kind, rate, legalNote, !Boolean.FALSE.equals(active));
    }
}
