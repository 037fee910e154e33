package dev.cartera.core.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Prices for a customer segment (null: any) during a validity period (open ends allowed). */
public record PriceListDraft(
        @NotBlank @Size(max = 120) String name,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @Size(max = 40) String segment,
        LocalDate validFrom,
        LocalDate validTo,
        boolean defaultList) {

    public static PriceListDraft forSegment(String name, String segment, LocalDate from, LocalDate to) {
        return new PriceListDraft(name, "EUR", segment, from, to, false);
    }
}
