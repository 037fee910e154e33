package dev.cartera.spring.api.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /opportunities/{id}/lost}: why the deal was lost, which the reports need. */
public record Loss(@NotBlank @Size(max = 500) String reason) {
}
