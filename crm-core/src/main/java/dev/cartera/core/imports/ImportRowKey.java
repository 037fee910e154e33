package dev.cartera.core.imports;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row already imported in this tenant (its fingerprint), and the identity it claimed, so no file creates anything twice. */
@Entity
@Table(name = "crm_import_row_key")
public class ImportRowKey extends TenantEntity {
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "fingerprint", length = 64)
    private String fingerprint;

    @Column(name = "identity_key", length = 300)
    private String identityKey;

    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "outcome", length = 20)
    private String outcome;

    public UUID getRunId() {
        return runId;
    }

    public void setRunId(UUID runId) {
        this.runId = runId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getIdentityKey() {
        return identityKey;
    }

    public void setIdentityKey(String identityKey) {
        this.identityKey = identityKey;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public void setLeadId(UUID leadId) {
        this.leadId = leadId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
