package dev.cartera.core.persistence;

import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.Ids;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * Every Cartera row: a time-ordered id, the tenant it belongs to (filled and enforced by Hibernate
 * from the session's tenant), an optimistic-lock version and who created or changed it, when.
 */
@MappedSuperclass
public abstract class TenantEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = Ids.newId();

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
    private String tenantId;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    @PrePersist
    void stampCreated() {
        UnitOfWork work = UnitOfWork.current();
        createdAt = work.now();
        createdBy = work.username();
        updatedAt = createdAt;
        updatedBy = createdBy;
    }

    @PreUpdate
    void stampUpdated() {
        UnitOfWork work = UnitOfWork.current();
        updatedAt = work.now();
        updatedBy = work.username();
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** Fails with {@link ConflictException} when the caller edited an older version (If-Match). */
    public void checkVersion(Long expected) {
        if (expected != null && expected != getVersion()) {
            throw new ConflictException("record.version.conflict", getClass().getSimpleName(), id, expected, getVersion());
        }
    }
}
