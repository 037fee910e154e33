package dev.cartera.core.quote;

import java.time.LocalDate;
import java.util.List;

/** What the customer sees through the link: the offer itself, nothing about the firm's internals. */
public record PublicQuoteView(String number, int versionNo, String title, String customerName, QuoteStatus status,
        LocalDate validUntil, String currency, List<QuoteLineView> lines, QuoteCalculation totals, String notes) {

    public PublicQuoteView {
        lines = List.copyOf(lines);
    }
}
