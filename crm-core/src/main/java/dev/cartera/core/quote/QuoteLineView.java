package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import java.math.BigDecimal;
import java.util.UUID;

/** A resolved quote line with its figures: net after its own discount, share of the global one, total. */
public record QuoteLineView(int position, UUID productId, String description, String unit, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal discountAmount, String taxCode, BigDecimal taxRate,
        String surchargeCode, BigDecimal surchargeRate, Billing billing, RecurrencePeriod recurrencePeriod, BigDecimal net,
        BigDecimal globalDiscountShare, BigDecimal total) {
}
