package dev.cartera.core.quote;

import java.time.Instant;

/** A sent quote and the customer's private link, valid until {@code linkExpiresAt}. */
public record SentQuote(QuoteView quote, String link, Instant linkExpiresAt) {
}
