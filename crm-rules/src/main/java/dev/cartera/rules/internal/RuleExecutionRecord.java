package dev.cartera.rules.internal;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a rule decided or did, on which record, when: the assignment history and the automation log (also keeps timers idempotent). */
@Entity
@Table(name = "crm_rule_execution")
public class RuleExecutionRecord extends TenantEntity {
    @Column(name = "kind", length = 30)
    private String kind;

    @Column(name = "rule_set_id")
    private UUID ruleSetId;

    @Column(name = "version_id")
    private UUID versionId;

    @Column(name = "rule_name", length = 200)
    private String ruleName;

    @Column(name = "trigger_name", length = 40)
    private String trigger;

    @Column(name = "record_type", length = 30)
    private String recordType;

    @Column(name = "record_id")
    private UUID recordId;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "dedupe_key", length = 300)
    private String dedupeKey;

    @Column(name = "outcome", length = 2000)
    private String outcome;

    @Column(name = "executed_at")
    private Instant executedAt;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public UUID getRuleSetId() {
        return ruleSetId;
    }

    public void setRuleSetId(UUID ruleSetId) {
        this.ruleSetId = ruleSetId;
    }

    public UUID getVersionId() {
        return versionId;
    }

    public void setVersionId(UUID versionId) {
        this.versionId = versionId;
    }

    public String getRuleName() {
        return ruleName;
    }

    public void setRuleName(String ruleName) {
        this.ruleName = ruleName;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public void setRecordId(UUID recordId) {
        this.recordId = recordId;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public void setDedupeKey(String dedupeKey) {
        this.dedupeKey = dedupeKey;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }

    public void setExecutedAt(Instant executedAt) {
        this.executedAt = executedAt;
    }

}
