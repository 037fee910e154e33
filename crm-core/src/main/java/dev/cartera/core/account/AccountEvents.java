package dev.cartera.core.account;

import dev.cartera.core.event.CrmEvent;
import java.time.Instant;
import java.util.UUID;

/** Events of accounts and contacts. */
public final class AccountEvents {
    private AccountEvents() {
    }

    public record AccountCreated(String tenantId, Instant occurredAt, String actor, UUID accountId, UUID ownerId) implements CrmEvent {
    }

    public record AccountUpdated(String tenantId, Instant occurredAt, String actor, UUID accountId) implements CrmEvent {
    }

    public record ContactCreated(String tenantId, Instant occurredAt, String actor, UUID contactId, UUID accountId) implements CrmEvent {
    }

    public record ContactUpdated(String tenantId, Instant occurredAt, String actor, UUID contactId) implements CrmEvent {
    }
}
