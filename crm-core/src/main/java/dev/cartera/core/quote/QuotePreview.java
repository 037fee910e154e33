package dev.cartera.core.quote;

import java.util.List;

/** A quote calculated and not saved: the live totals of the builder. */
public record QuotePreview(List<QuoteLineView> lines, QuoteCalculation totals) {
    public QuotePreview {
        lines = List.copyOf(lines);
    }
}
