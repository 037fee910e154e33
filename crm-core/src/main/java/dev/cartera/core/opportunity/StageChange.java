package dev.cartera.core.opportunity;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of an opportunity from a stage to another: who and when, for stage timers. */
@Entity
@Table(name = "crm_stage_change")
public class StageChange extends TenantEntity {
    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "from_stage_id")
    private UUID fromStageId;

    @Column(name = "to_stage_id")
    private UUID toStageId;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 100)
    private String changedBy;

    @Column(name = "automatic")
    private boolean automatic;

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    public UUID getFromStageId() {
        return fromStageId;
    }

    public void setFromStageId(UUID fromStageId) {
        this.fromStageId = fromStageId;
    }

    public UUID getToStageId() {
        return toStageId;
    }

    public void setToStageId(UUID toStageId) {
        this.toStageId = toStageId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public void setChangedBy(String changedBy) {
        this.changedBy = changedBy;
    }

    public boolean isAutomatic() {
        return automatic;
    }

    public void setAutomatic(boolean automatic) {
        this.automatic = automatic;
    }
}
