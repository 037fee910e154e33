package dev.cartera.core.lead;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A bulk change: the records changed, and for each refused one the message code saying why. */
public record BulkResult(List<UUID> changed, Map<UUID, String> failed) {
    public static final int MAX_IDS = 500;

    public BulkResult {
        changed = List.copyOf(changed);
        failed = Map.copyOf(failed);
    }
}
