package dev.cartera.core.catalog;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The price of one product in one price list. */
@Entity
@Table(name = "crm_price_list_item")
public class PriceListItem extends TenantEntity {
    @Column(name = "price_list_id")
    private UUID priceListId;

    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "unit_price", precision = 19, scale = 4)
    private BigDecimal unitPrice;

    @Column(name = "min_quantity", precision = 19, scale = 4)
    private BigDecimal minQuantity;

    public UUID getPriceListId() {
        return priceListId;
    }

    public void setPriceListId(UUID priceListId) {
        this.priceListId = priceListId;
    }

    public UUID getProductId() {
        return productId;
    }

    public void setProductId(UUID productId) {
        this.productId = productId;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getMinQuantity() {
        return minQuantity;
    }

    public void setMinQuantity(BigDecimal minQuantity) {
        this.minQuantity = minQuantity;
    }
}
