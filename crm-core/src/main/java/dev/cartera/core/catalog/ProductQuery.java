package dev.cartera.core.catalog;

/** Text over SKU, name and description; family; whether retired products are included. */
public record ProductQuery(String text, String family, boolean includeInactive) {
    public static ProductQuery active() {
        return new ProductQuery(null, null, false);
    }
}
