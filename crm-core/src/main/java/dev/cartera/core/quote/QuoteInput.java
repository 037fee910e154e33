package dev.cartera.core.quote;

import java.math.BigDecimal;
import java.util.List;

/** What the calculator needs of a quote: currency, resolved lines and the global discount (percent or amount). */
public record QuoteInput(String currency, List<QuoteLineInput> lines, BigDecimal globalDiscountPercent, BigDecimal globalDiscountAmount) {
    public QuoteInput {
        lines = List.copyOf(lines);
    }

    public static QuoteInput of(List<QuoteLineInput> lines) {
        return new QuoteInput("EUR", lines, null, null);
    }

    public QuoteInput withGlobalDiscountPercent(String percent) {
        return new QuoteInput(currency, lines, new BigDecimal(percent), null);
    }

    public QuoteInput withGlobalDiscountAmount(String amount) {
        return new QuoteInput(currency, lines, null, new BigDecimal(amount));
    }
}
