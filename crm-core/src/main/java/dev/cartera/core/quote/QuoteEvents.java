package dev.cartera.core.quote;

import dev.cartera.core.event.CrmEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public final class QuoteEvents {
    private QuoteEvents() {
    }

    public record QuoteCreated(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId, String number,
            int versionNo) implements CrmEvent {
    }

    public record QuoteSent(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId, String number,
            int versionNo) implements CrmEvent {
    }

    public record QuoteViewed(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId) implements CrmEvent {
    }

    /** The customer accepted through the link; {@code customerName} is the name they signed with. */
    public record QuoteAccepted(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId, String number,
            int versionNo, BigDecimal oneOffGross, BigDecimal recurringYearlyNet, String customerName) implements CrmEvent {
    }

    public record QuoteRejected(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId,
            String customerName, String reason) implements CrmEvent {
    }

    public record QuoteExpired(String tenantId, Instant occurredAt, String actor, UUID quoteId, UUID opportunityId) implements CrmEvent {
    }
}
