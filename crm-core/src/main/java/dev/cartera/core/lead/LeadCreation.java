package dev.cartera.core.lead;

import dev.cartera.core.dedupe.DuplicateCandidate;
import java.util.List;

/** A lead just created and the likely duplicates the create-time check found (empty when the check is off). */
public record LeadCreation(LeadView lead, List<DuplicateCandidate> duplicates) {
    public LeadCreation {
        duplicates = List.copyOf(duplicates);
    }
}
