package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxRate;
import java.math.BigDecimal;

/**
 * One line as the calculator sees it: resolved prices and taxes, no database. {@code surcharge} is
 * the recargo de equivalencia that goes with the line's IVA when the customer is under that regime.
 */
public record QuoteLineInput(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal discountAmount, TaxRate tax, TaxRate surcharge, Billing billing, RecurrencePeriod period) {

    public static QuoteLineInput oneOff(String description, String quantity, String unitPrice, TaxRate tax) {
        return new QuoteLineInput(description, new BigDecimal(quantity), new BigDecimal(unitPrice), null, null, tax, null,
                Billing.ONE_OFF, null);
    }

    public static QuoteLineInput recurring(String description, String quantity, String unitPrice, TaxRate tax, RecurrencePeriod period) {
        return new QuoteLineInput(description, new BigDecimal(quantity), new BigDecimal(unitPrice), null, null, tax, null,
                Billing.RECURRING, period);
    }

    public QuoteLineInput withDiscountPercent(String percent) {
        return new QuoteLineInput(description, quantity, unitPrice, new BigDecimal(percent), null, tax, surcharge, billing, period);
    }

    public QuoteLineInput withDiscountAmount(String amount) {
        return new QuoteLineInput(description, quantity, unitPrice, null, new BigDecimal(amount), tax, surcharge, billing, period);
    }

    public QuoteLineInput withSurcharge(TaxRate surcharge) {
        return new QuoteLineInput(description, quantity, unitPrice, discountPercent, discountAmount, tax, surcharge, billing, period);
    }

    public boolean recurring() {
        return billing == Billing.RECURRING;
    }
}
