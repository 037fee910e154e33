package dev.cartera.core.catalog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A tax an admin adds or edits beside the seeded Spanish ones (e.g. IPSI of Ceuta and Melilla). */
public record TaxDraft(
        @NotBlank @Size(max = 20) String code,
        @NotBlank @Size(max = 120) String name,
        @NotNull TaxKind kind,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal rate,
        @Size(max = 500) String legalNote,
        boolean active) {
}
