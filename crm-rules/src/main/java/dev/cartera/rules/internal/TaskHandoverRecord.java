package dev.cartera.rules.internal;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task moved from an absent user to a colleague, offered back when the user returns. */
@Entity
@Table(name = "crm_rule_task_handover")
public class TaskHandoverRecord extends TenantEntity {
    @Column(name = "task_id")
    private UUID taskId;

    @Column(name = "from_user_id")
    private UUID fromUserId;

    @Column(name = "to_user_id")
    private UUID toUserId;

    @Column(name = "absent_from")
    private LocalDate absentFrom;

    @Column(name = "absent_until")
    private LocalDate absentUntil;

    @Column(name = "handed_at")
    private Instant handedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "state", length = 30)
    private String state;

    public UUID getTaskId() {
        return taskId;
    }

    public void setTaskId(UUID taskId) {
        this.taskId = taskId;
    }

    public UUID getFromUserId() {
        return fromUserId;
    }

    public void setFromUserId(UUID fromUserId) {
        this.fromUserId = fromUserId;
    }

    public UUID getToUserId() {
        return toUserId;
    }

    public void setToUserId(UUID toUserId) {
        this.toUserId = toUserId;
    }

    public LocalDate getAbsentFrom() {
        return absentFrom;
    }

    public void setAbsentFrom(LocalDate absentFrom) {
        this.absentFrom = absentFrom;
    }

    public LocalDate getAbsentUntil() {
        return absentUntil;
    }

    public void setAbsentUntil(LocalDate absentUntil) {
        this.absentUntil = absentUntil;
    }

    public Instant getHandedAt() {
        return handedAt;
    }

    public void setHandedAt(Instant handedAt) {
        this.handedAt = handedAt;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public void setSettledAt(Instant settledAt) {
        this.settledAt = settledAt;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

}
