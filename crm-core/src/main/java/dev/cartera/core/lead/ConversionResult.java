package dev.cartera.core.lead;

import java.util.UUID;

/** What a conversion produced; {@code opportunityId} is null when no deal was asked for. */
public record ConversionResult(UUID leadId, UUID accountId, UUID contactId, UUID opportunityId) {
}
