package dev.cartera.core.alert;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer alert shown graphically: kind (icon), severity, the record it is about and who sees it. */
@Entity
@Table(name = "crm_alert")
public class Alert extends TenantEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 30)
    private Severity severity;

    @Column(name = "message_key", length = 120)
    private String messageKey;

    @Column(name = "message_args", length = 1000)
    private String messageArgs;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", length = 30)
    private RecordType recordType;

    @Column(name = "record_id")
    private UUID recordId;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "snoozed_until")
    private Instant snoozedUntil;

    @Column(name = "dedupe_key", length = 200)
    private String dedupeKey;

    public AlertKind getKind() {
        return kind;
    }

    public void setKind(AlertKind kind) {
        this.kind = kind;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public void setMessageKey(String messageKey) {
        this.messageKey = messageKey;
    }

    public String getMessageArgs() {
        return messageArgs;
    }

    public void setMessageArgs(String messageArgs) {
        this.messageArgs = messageArgs;
    }

    public RecordType getRecordType() {
        return recordType;
    }

    public void setRecordType(RecordType recordType) {
        this.recordType = recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public void setRecordId(UUID recordId) {
        this.recordId = recordId;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public void setAcknowledgedAt(Instant acknowledgedAt) {
        this.acknowledgedAt = acknowledgedAt;
    }

    public Instant getSnoozedUntil() {
        return snoozedUntil;
    }

    public void setSnoozedUntil(Instant snoozedUntil) {
        this.snoozedUntil = snoozedUntil;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public void setDedupeKey(String dedupeKey) {
        this.dedupeKey = dedupeKey;
    }
}
