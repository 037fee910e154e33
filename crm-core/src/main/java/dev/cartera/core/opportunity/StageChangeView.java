package dev.cartera.core.opportunity;

import java.time.Instant;
import java.util.UUID;

public record StageChangeView(UUID opportunityId, UUID fromStageId, UUID toStageId, Instant changedAt, String changedBy, boolean automatic) {
    public static StageChangeView of(StageChange c) {
        return new StageChangeView(c.getOpportunityId(), c.getFromStageId(), c.getToStageId(), c.getChangedAt(), c.getChangedBy(), c.isAutomatic());
    }
}
