package dev.cartera.spring.api.lead;

import java.util.UUID;

/** Body of {@code POST /leads/{id}/assign}; a null owner leaves the lead unassigned for triage. */
public record LeadAssignment(UUID ownerId) {
}
