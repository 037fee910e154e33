package dev.cartera.rules.internal;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A tenant's rule set of one kind (assignment or automation) and which of its versions is live. */
@Entity
@Table(name = "crm_rule_set")
public class RuleSetRecord extends TenantEntity {
    @Column(name = "kind", length = 30)
    private String kind;

    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "active_version_id")
    private UUID activeVersionId;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getActiveVersionId() {
        return activeVersionId;
    }

    public void setActiveVersionId(UUID activeVersionId) {
        this.activeVersionId = activeVersionId;
    }

}
