package dev.cartera.spring.api.catalog;

import dev.cartera.core.catalog.PriceListDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A {@link PriceListDraft} as JSON, {@code defaultList} optional (false). */
public record PriceListRequest(@NotBlank @Size(max = 120) String name, @Pattern(regexp = "[A-Z]{3}") String currency,
        @Size(max = 40) String segment, LocalDate validFrom, LocalDate validTo, Boolean defaultList) {

    PriceListDraft toDraft() {
        return new PriceListDraft(name, currency, segment, validFrom, validTo, Boolean.TRUE.equals(defaultList));
    }
}
