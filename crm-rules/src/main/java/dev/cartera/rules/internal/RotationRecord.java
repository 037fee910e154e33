package dev.cartera.rules.internal;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** The round-robin position of one team: who got the last lead and how many turns were taken. Locked while a lead is assigned. */
@Entity
@Table(name = "crm_rule_rotation")
public class RotationRecord extends TenantEntity {
    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "last_user_id")
    private UUID lastUserId;

    @Column(name = "turns")
    private long turns;

    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public UUID getLastUserId() {
        return lastUserId;
    }

    public void setLastUserId(UUID lastUserId) {
        this.lastUserId = lastUserId;
    }

    public long getTurns() {
        return turns;
    }

    public void setTurns(long turns) {
        this.turns = turns;
    }

}
