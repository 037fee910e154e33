package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of {@link QuoteCalculator}: every line's figures in input order and three sections
 * that never mix — what is paid once, and the recurring items per month and per year.
 */
public record QuoteCalculation(String currency, List<LineResult> lines, Section oneOff, Section recurringMonthly,
        Section recurringYearly) {

    public QuoteCalculation {
        lines = List.copyOf(lines);
    }

    public boolean hasRecurring() {
        return lines.stream().anyMatch(l -> l.billing() == Billing.RECURRING);
    }

    /**
     * One line: {@code gross} = quantity × unit price, {@code lineDiscount} its own discount,
     * {@code net} = gross − line discount, {@code globalDiscountShare} its part of the quote's
     * discount and {@code total} = net − share. Recurring lines also carry their monthly and yearly
     * equivalents of {@code total}; one-off lines carry zero there.
     */
    public record LineResult(int index, Billing billing, RecurrencePeriod period, BigDecimal gross, BigDecimal lineDiscount,
            BigDecimal net, BigDecimal globalDiscountShare, BigDecimal total, BigDecimal monthly, BigDecimal yearly) {
    }

    /** A section's tax base ({@code net}), its taxes per rate, the tax and the total with taxes. */
    public record Section(BigDecimal net, List<TaxLine> taxes, BigDecimal tax, BigDecimal gross) {
        public Section {
            taxes = List.copyOf(taxes);
        }

        public boolean isEmpty() {
            return net.signum() == 0 && taxes.isEmpty();
        }
    }

    /**
     * One rate of a section: base and tax. {@code surcharge} marks recargo de equivalencia, whose
     * base repeats the IVA base it goes with; the other rates' bases add up to the section's net.
     */
    public record TaxLine(String code, TaxKind kind, BigDecimal rate, BigDecimal base, BigDecimal tax, String legalNote,
            boolean surcharge) {
    }
}
