package dev.cartera.core.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A saved quote version with its lines, totals, status and the customer's decision. */
public record QuoteView(UUID id, long version, String number, int versionNo, String title, UUID opportunityId, UUID accountId,
        UUID contactId, UUID priceListId, QuoteStatus status, LocalDate validUntil, String currency, BigDecimal globalDiscountPercent,
        BigDecimal globalDiscountAmount, boolean equivalenceSurcharge, String notes, UUID ownerId, Instant sentAt,
        Instant viewedAt, Instant decidedAt, String decidedByName, String decidedFromIp, String decisionNote,
        UUID pdfDocumentId, List<QuoteLineView> lines, QuoteCalculation totals, Instant createdAt) {

    public QuoteView {
        lines = List.copyOf(lines);
    }
}
