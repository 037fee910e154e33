package dev.cartera.core.catalog;

import java.math.BigDecimal;
import java.util.UUID;

public record TaxView(UUID id, long version, String code, String name, TaxKind kind, BigDecimal rate, String legalNote, boolean active) {
    static TaxView of(Tax t) {
        return new TaxView(t.getId(), t.getVersion(), t.getCode(), t.getName(), t.getKind(), t.getRate(), t.getLegalNote(), t.isActive());
    }

    public TaxRate asRate() {
        return new TaxRate(code, kind, rate, legalNote);
    }
}
