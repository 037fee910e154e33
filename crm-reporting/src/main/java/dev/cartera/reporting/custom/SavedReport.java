package dev.cartera.reporting.custom;

import java.time.Instant;
import java.util.UUID;

/** A stored definition: private to its owner, or shared with everyone in the tenant (who run it in their own scope). */
public record SavedReport(UUID id, long version, String name, UUID ownerId, boolean shared, ReportDefinition definition,
        Instant updatedAt) {
}
