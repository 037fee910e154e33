package dev.cartera.core.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** The price a quote line gets for a product: from a price list ({@code priceListId}) or the product's own. */
public record ResolvedPrice(UUID productId, BigDecimal unitPrice, String currency, UUID priceListId) {
}
