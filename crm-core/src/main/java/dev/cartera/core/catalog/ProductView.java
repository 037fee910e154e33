package dev.cartera.core.catalog;

import java.math.BigDecimal;
import java.util.UUID;

public record ProductView(UUID id, long version, String sku, String name, String description, String unit, ProductKind kind,
        Billing billing, RecurrencePeriod recurrencePeriod, BigDecimal unitPrice, String currency, String taxCode, String family,
        boolean active) {

    static ProductView of(Product p) {
        return new ProductView(p.getId(), p.getVersion(), p.getSku(), p.getName(), p.getDescription(), p.getUnit(), p.getKind(),
                p.getBilling(), p.getRecurrencePeriod(), p.getUnitPrice(), p.getCurrency(), p.getTaxCode(), p.getFamily(), p.isActive());
    }
}
