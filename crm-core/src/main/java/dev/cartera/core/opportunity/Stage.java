package dev.cartera.core.opportunity;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** The deal fields this stage asks for, comma-separated {@link DealField} names. */
    @Column(name = "required_fields", length = 500)
    private String requiredFields;

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

    public Set<DealField> getRequiredFields() {
        if (requiredFields == null || requiredFields.isBlank()) {
            return EnumSet.noneOf(DealField.class);
        }
        return Arrays.stream(requiredFields.split(",")).map(String::strip).map(DealField::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DealField.class)));
    }

    public void setRequiredFields(Collection<DealField> fields) {
        this.requiredFields = fields == null || fields.isEmpty() ? null
                : EnumSet.copyOf(fields).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
