package dev.cartera.core.dedupe;

import dev.cartera.core.common.RecordType;
import java.util.Map;
import java.util.UUID;

/** A merge done: the survivor, the duplicate that is gone, and how many related rows moved, per kind. */
public record MergeResult(RecordType type, UUID survivorId, UUID duplicateId, Map<String, Integer> moved) {
    public MergeResult {
        moved = Map.copyOf(moved);
    }
}
