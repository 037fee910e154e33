package dev.cartera.core.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal with where it stands: stage, status, and how long it has been open and in its stage
 * . The timers take {@code now} from the caller's clock, so the same view reads the same in a test.
 */
public record OpportunityView(UUID id, long version, String name, UUID accountId, UUID contactId, UUID pipelineId,
        UUID stageId, String stageName, int probability, BigDecimal amount, String currency, LocalDate expectedCloseDate,
        UUID ownerId, String source, UUID originLeadId, UUID campaignId, OpportunityStatus status, String lostReason,
        Instant closedAt, Instant stageEnteredAt, String description, Instant createdAt, Instant updatedAt,
        Integer stageTimeLimitDays) {

    public static OpportunityView of(Opportunity o, Stage stage) {
        return new OpportunityView(o.getId(), o.getVersion(), o.getName(), o.getAccountId(), o.getContactId(),
                o.getPipelineId(), o.getStageId(), stage == null ? null : stage.getName(),
                stage == null ? 0 : stage.getProbability(), o.getAmount(), o.getCurrency(), o.getExpectedCloseDate(),
                o.getOwnerId(), o.getSource(), o.getOriginLeadId(), o.getCampaignId(), o.getStatus(), o.getLostReason(),
                o.getClosedAt(), o.getStageEnteredAt(), o.getDescription(), o.getCreatedAt(), o.getUpdatedAt(),
                stage == null ? null : stage.getTimeLimitDays());
    }

    /** Whole days from creation until closing, or until {@code now} while open. */
    public long ageDays(Instant now) {
        Instant end = closedAt != null ? closedAt : now;
        return Duration.between(createdAt, end).toDays();
    }

    /** Time in the current stage; a closed deal's clock stopped when it closed. */
    public Duration timeInStage(Instant now) {
        Instant end = closedAt != null ? closedAt : now;
        return stageEnteredAt == null ? Duration.ZERO : Duration.between(stageEnteredAt, end);
    }

    public long daysInStage(Instant now) {
        return timeInStage(now).toDays();
    }

    /** True while an open deal has stayed in its stage longer than the stage's time limit. */
    public boolean overLimit(Instant now) {
        return status == OpportunityStatus.OPEN && stageTimeLimitDays != null
                && timeInStage(now).compareTo(Duration.ofDays(stageTimeLimitDays)) > 0;
    }

    public BigDecimal weightedAmount() {
        return amount == null ? BigDecimal.ZERO
                : amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
