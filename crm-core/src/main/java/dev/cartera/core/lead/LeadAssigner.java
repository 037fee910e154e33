package dev.cartera.core.lead;

import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
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

    /**
     * Leads prepared by {@link LeadService#prepareNewLead} are now stored — persisted by {@link LeadService#newLead},
     * or by {@link LeadService#storeNewLeads} (on PostgreSQL by COPY at the end of an import chunk): an assigner
     * that counts the leads it decided but the database does not show yet stops counting these.
     */
    default void stored(UnitOfWork work, List<Lead> leads) {
    }
}
