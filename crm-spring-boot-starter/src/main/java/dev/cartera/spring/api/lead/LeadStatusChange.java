package dev.cartera.spring.api.lead;

import dev.cartera.core.lead.LeadStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /leads/{id}/status}; a reason is required to disqualify. */
public record LeadStatusChange(@NotNull LeadStatus status, @Size(max = 500) String reason) {
}
