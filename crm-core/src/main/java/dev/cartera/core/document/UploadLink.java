package dev.cartera.core.document;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed, expiring link through which a customer uploads documents to their card. */
@Entity
@Table(name = "crm_upload_link")
public class UploadLink extends TenantEntity {
    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "upload_count")
    private int uploadCount;

    @Column(name = "max_uploads")
    private int maxUploads;

    @Column(name = "created_for")
    private UUID createdFor;

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }

    public int getUploadCount() {
        return uploadCount;
    }

    public void setUploadCount(int uploadCount) {
        this.uploadCount = uploadCount;
    }

    public int getMaxUploads() {
        return maxUploads;
    }

    public void setMaxUploads(int maxUploads) {
        this.maxUploads = maxUploads;
    }

    public UUID getCreatedFor() {
        return createdFor;
    }

    public void setCreatedFor(UUID createdFor) {
        this.createdFor = createdFor;
    }
}
