package dev.cartera.core.opportunity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An open deal past its stage's time limit: what an alert or an automation timer needs to act on it. */
public record StuckDeal(UUID opportunityId, String name, UUID accountId, UUID ownerId, UUID pipelineId, UUID stageId,
        String stageName, Instant stageEnteredAt, int timeLimitDays, long daysInStage, BigDecimal amount) {

    static StuckDeal of(Opportunity o, Stage stage, Instant now) {
        return new StuckDeal(o.getId(), o.getName(), o.getAccountId(), o.getOwnerId(), o.getPipelineId(), stage.getId(),
                stage.getName(), o.getStageEnteredAt(), stage.getTimeLimitDays(),
                Duration.between(o.getStageEnteredAt(), now).toDays(), o.getAmount());
    }

    /** Whole days beyond the limit (0 while less than a full day over). */
    public long daysOverLimit() {
        return Math.max(0, daysInStage - timeLimitDays);
    }
}
