package dev.cartera.core.opportunity;

import java.util.UUID;

public record OpportunityQuery(String text, OpportunityStatus status, UUID pipelineId, UUID stageId, UUID ownerId, UUID accountId) {
    public static OpportunityQuery all() {
        return new OpportunityQuery(null, null, null, null, null, null);
    }
}
