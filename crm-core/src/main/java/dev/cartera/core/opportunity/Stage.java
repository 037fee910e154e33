package dev.cartera.core.opportunity;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A step of a pipeline, with win probability, time limit and kind (open, won, lost). */
@Entity
@Table(name = "crm_stage")
public class Stage extends TenantEntity {
    @Column(name = "pipeline_id")
    private UUID pipelineId;

    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "position")
    private int position;

    @Column(name = "probability")
    private int probability;

    @Column(name = "time_limit_days")
    private Integer timeLimitDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private StageKind kind;

    public UUID getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(UUID pipelineId) {
        this.pipelineId = pipelineId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public int getProbability() {
        return probability;
    }

    public void setProbability(int probability) {
        this.probability = probability;
    }

    public Integer getTimeLimitDays() {
        return timeLimitDays;
    }

    public void setTimeLimitDays(Integer timeLimitDays) {
        this.timeLimitDays = timeLimitDays;
    }

    public StageKind getKind() {
        return kind;
    }

    public void setKind(StageKind kind) {
        this.kind = kind;
    }
}
