package dev.cartera.rules;

import java.util.Map;
import java.util.UUID;

/**
 * A record typed in for the automation simulator: the trigger it comes with, its field values
 * (as in criteria: {@code source}, {@code stage}, {@code amount}, {@code custom.<key>}…) and, optionally, its owner.
 */
public record SampleRecord(String label, Trigger trigger, Map<String, String> fields, UUID ownerId) {
    public SampleRecord {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
