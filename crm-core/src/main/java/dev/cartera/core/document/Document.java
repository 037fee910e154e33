package dev.cartera.core.document;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A document's metadata: the content lives in a DocumentStore, or the document is an external link. */
@Entity
@Table(name = "crm_document")
public class Document extends TenantEntity {
    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "media_type", length = 120)
    private String mediaType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "sha256", length = 64)
    private String sha256;

    @Column(name = "storage_key", length = 300)
    private String storageKey;

    @Column(name = "external_url", length = 2000)
    private String externalUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 30)
    private DocumentCategory category;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "previous_version_id")
    private UUID previousVersionId;

    @Column(name = "provided_by_customer")
    private boolean providedByCustomer;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public void setSizeBytes(long sizeBytes) {
        this.sizeBytes = sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public void setStorageKey(String storageKey) {
        this.storageKey = storageKey;
    }

    public String getExternalUrl() {
        return externalUrl;
    }

    public void setExternalUrl(String externalUrl) {
        this.externalUrl = externalUrl;
    }

    public DocumentCategory getCategory() {
        return category;
    }

    public void setCategory(DocumentCategory category) {
        this.category = category;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public void setVersionNo(int versionNo) {
        this.versionNo = versionNo;
    }

    public UUID getPreviousVersionId() {
        return previousVersionId;
    }

    public void setPreviousVersionId(UUID previousVersionId) {
        this.previousVersionId = previousVersionId;
    }

    public boolean isProvidedByCustomer() {
        return providedByCustomer;
    }

    public void setProvidedByCustomer(boolean providedByCustomer) {
        this.providedByCustomer = providedByCustomer;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }
}
