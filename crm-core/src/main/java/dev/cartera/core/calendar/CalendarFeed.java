package dev.cartera.core.calendar;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's secret iCalendar feed URL of tasks and meetings; revocable. */
@Entity
@Table(name = "crm_calendar_feed")
public class CalendarFeed extends TenantEntity {
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }
}
