package dev.cartera.core.dedupe;

import dev.cartera.core.common.RecordType;
import java.util.Set;
import java.util.UUID;

/**
 * A record that may be the same as the one probed, with what matched and a score in [0, 1]. A
 * candidate outside the caller's scope is reported ({@code visible == false}) without its name, so
 * a duplicate is not created blindly and nobody reads what they may not see.
 */
public record DuplicateCandidate(RecordType type, UUID id, String displayName, double score, Set<MatchKey> matchedOn,
        boolean visible) {
    public DuplicateCandidate {
        matchedOn = Set.copyOf(matchedOn);
    }
}
