package dev.cartera.core.audit;

import dev.cartera.core.common.Ids;
import dev.cartera.core.common.RecordType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One change: who did what to which record, when. Append-only. */
@Entity
@Immutable
@Table(name = "crm_audit")
public class AuditEntry {
    @Id
    private UUID id = Ids.newId();

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
    private String tenantId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "username", nullable = false, length = 100)
    private String username;

    @Column(name = "action", nullable = false, length = 40)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, length = 30)
    private RecordType recordType;

    @Column(name = "record_id", nullable = false)
    private UUID recordId;

    @Column(name = "details", length = 4000)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String username, String action, RecordType recordType, UUID recordId, String details) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.action = action;
        this.recordType = recordType;
        this.recordId = recordId;
        this.details = fitted(details);
    }

    /** Details as stored: cut to the column's 4,000 characters (bulk writers that bypass the entity use it too). */
    public static String fitted(String details) {
        return details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public String getAction() {
        return action;
    }

    public RecordType getRecordType() {
        return recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public String getDetails() {
        return details;
    }
}
