package dev.cartera.core.imports;

import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class ImportEvents {
    private ImportEvents() {
    }

    public record ImportStarted(String tenantId, Instant occurredAt, String actor, UUID runId, String filename) implements CrmEvent {
    }

    public record ImportFinished(String tenantId, Instant occurredAt, String actor, UUID runId, ImportStatus status,
            long created, long updated, long skipped, long failed) implements CrmEvent {
    }

    public record ImportRolledBack(String tenantId, Instant occurredAt, String actor, UUID runId, long deleted, long kept)
            implements CrmEvent {
    }
}
