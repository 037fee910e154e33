package dev.cartera.core.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record PriceListView(UUID id, long version, String name, String currency, String segment, LocalDate validFrom,
        LocalDate validTo, boolean defaultList, List<Item> items) {

    public PriceListView {
        items = List.copyOf(items);
    }

    public record Item(UUID id, UUID productId, String sku, String productName, BigDecimal unitPrice, BigDecimal minQuantity) {
    }
}
