package dev.cartera.rules.internal;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a rule set: the structured rules as JSON, optional raw DRL, and its life cycle (draft, active, archived). */
@Entity
@Table(name = "crm_rule_set_version")
public class RuleSetVersionRecord extends TenantEntity {
    @Column(name = "rule_set_id")
    private UUID ruleSetId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "status", length = 30)
    private String status;

    @Column(name = "definition", length = 200000)
    private String definition;

    @Column(name = "raw_drl", length = 200000)
    private String rawDrl;

    @Column(name = "comment", length = 500)
    private String comment;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "activated_by", length = 100)
    private String activatedBy;

    @Column(name = "archived_at")
    private Instant archivedAt;

    public UUID getRuleSetId() {
        return ruleSetId;
    }

    public void setRuleSetId(UUID ruleSetId) {
        this.ruleSetId = ruleSetId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public void setVersionNo(int versionNo) {
        this.versionNo = versionNo;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDefinition() {
        return definition;
    }

    public void setDefinition(String definition) {
        this.definition = definition;
    }

    public String getRawDrl() {
        return rawDrl;
    }

    public void setRawDrl(String rawDrl) {
        this.rawDrl = rawDrl;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(Instant activatedAt) {
        this.activatedAt = activatedAt;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public void setActivatedBy(String activatedBy) {
        this.activatedBy = activatedBy;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(Instant archivedAt) {
        this.archivedAt = archivedAt;
    }

}
