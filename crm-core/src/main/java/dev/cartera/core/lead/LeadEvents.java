package dev.cartera.core.lead;

import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

public final class LeadEvents {
    private LeadEvents() {
    }

    public record LeadCreated(String tenantId, Instant occurredAt, String actor, UUID leadId, String source, UUID ownerId) implements CrmEvent {
    }

    public record LeadUpdated(String tenantId, Instant occurredAt, String actor, UUID leadId) implements CrmEvent {
    }

    public record LeadAssigned(String tenantId, Instant occurredAt, String actor, UUID leadId, UUID ownerId) implements CrmEvent {
    }

    public record LeadStatusChanged(String tenantId, Instant occurredAt, String actor, UUID leadId, LeadStatus from, LeadStatus to) implements CrmEvent {
    }

    public record LeadConverted(String tenantId, Instant occurredAt, String actor, UUID leadId, UUID accountId,
            UUID contactId, UUID opportunityId) implements CrmEvent {
    }
}
