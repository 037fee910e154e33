package dev.cartera.core.quote;

public enum QuoteStatus {
    DRAFT, SENT, VIEWED, ACCEPTED, REJECTED, EXPIRED
}
