package dev.cartera.core.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax as a quote line applies it: code, kind, percentage and, for exempt operations, the legal
 * note a quote must print (e.g. "Operación exenta de IVA, art. 20 Ley 37/1992").
 */
public record TaxRate(String code, TaxKind kind, BigDecimal rate, String legalNote) {
    public TaxRate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rate, "rate");
        rate = rate.stripTrailingZeros();
        if (rate.scale() < 0) {
            rate = rate.setScale(0);
        }
    }

    public static TaxRate of(String code, TaxKind kind, String rate) {
        return new TaxRate(code, kind, new BigDecimal(rate), null);
    }
}
