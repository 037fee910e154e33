package dev.cartera.core.opportunity;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A sales process: an ordered list of stages. */
@Entity
@Table(name = "crm_pipeline")
public class Pipeline extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "is_default")
    private boolean defaultPipeline;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isDefaultPipeline() {
        return defaultPipeline;
    }

    public void setDefaultPipeline(boolean defaultPipeline) {
        this.defaultPipeline = defaultPipeline;
    }
}
