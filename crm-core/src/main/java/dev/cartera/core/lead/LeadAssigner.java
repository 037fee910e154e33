package dev.cartera.core.lead;

import dev.cartera.core.persistence.UnitOfWork;
import java.util.Optional;
import java.util.UUID;

/**
 * Chooses the owner of a new lead created without one (assignment rules, KD-2). Called by
 * {@link LeadService#newLead} inside the creating unit of work, after the draft's fields are applied
 * and before the lead is stored. Empty means "no decision": the creator owns the lead, as before.
 * It lives in the lead feature rather than {@code spi} because it speaks about leads.
 */
@FunctionalInterface
public interface LeadAssigner {
    LeadAssigner NONE = (work, lead) -> Optional.empty();

    Optional<UUID> assign(UnitOfWork work, Lead lead);
}
