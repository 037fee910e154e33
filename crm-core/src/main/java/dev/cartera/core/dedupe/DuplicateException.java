package dev.cartera.core.dedupe;

import dev.cartera.core.common.CrmException;
import java.util.List;

/** A create was refused because likely duplicates exist (duplicate check BLOCK); the caller may retry with an override. */
public final class DuplicateException extends CrmException {
    private final transient List<DuplicateCandidate> candidates;

    public DuplicateException(List<DuplicateCandidate> candidates) {
        super("duplicate.found", candidates.size());
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
