package dev.cartera.core.opportunity;

import dev.cartera.core.event.CrmEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public final class OpportunityEvents {
    private OpportunityEvents() {
    }

    public record OpportunityCreated(String tenantId, Instant occurredAt, String actor, UUID opportunityId, UUID ownerId) implements CrmEvent {
    }

    public record OpportunityStageChanged(String tenantId, Instant occurredAt, String actor, UUID opportunityId,
            UUID fromStageId, UUID toStageId) implements CrmEvent {
    }

    public record OpportunityWon(String tenantId, Instant occurredAt, String actor, UUID opportunityId, BigDecimal amount) implements CrmEvent {
    }

    public record OpportunityLost(String tenantId, Instant occurredAt, String actor, UUID opportunityId, String reason) implements CrmEvent {
    }
}
