package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of a quote: product or free text, quantity, price, discount and tax. */
@Entity
@Table(name = "crm_quote_line")
public class QuoteLine extends TenantEntity {
    @Column(name = "quote_id")
    private UUID quoteId;

    @Column(name = "position")
    private int position;

    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "quantity", precision = 19, scale = 4)
    private BigDecimal quantity;

    @Column(name = "unit_price", precision = 19, scale = 4)
    private BigDecimal unitPrice;

    @Column(name = "discount_percent", precision = 19, scale = 4)
    private BigDecimal discountPercent;

    @Column(name = "discount_amount", precision = 19, scale = 4)
    private BigDecimal discountAmount;

    @Column(name = "tax_code", length = 20)
    private String taxCode;

    @Column(name = "tax_rate", precision = 19, scale = 4)
    private BigDecimal taxRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing", length = 30)
    private Billing billing;

    @Enumerated(EnumType.STRING)
    @Column(name = "recurrence_period", length = 30)
    private RecurrencePeriod recurrencePeriod;

    @Column(name = "line_net", precision = 19, scale = 4)
    private BigDecimal lineNet;

    @Column(name = "unit", length = 20)
    private String unit;

    @Column(name = "surcharge_code", length = 20)
    private String surchargeCode;

    @Column(name = "surcharge_rate", precision = 19, scale = 4)
    private BigDecimal surchargeRate;

    @Column(name = "global_discount_share", precision = 19, scale = 4)
    private BigDecimal globalDiscountShare;

    @Column(name = "line_total", precision = 19, scale = 4)
    private BigDecimal lineTotal;

    public UUID getQuoteId() {
        return quoteId;
    }

    public void setQuoteId(UUID quoteId) {
        this.quoteId = quoteId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public UUID getProductId() {
        return productId;
    }

    public void setProductId(UUID productId) {
        this.productId = productId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public void setDiscountAmount(BigDecimal discountAmount) {
        this.discountAmount = discountAmount;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(String taxCode) {
        this.taxCode = taxCode;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public Billing getBilling() {
        return billing;
    }

    public void setBilling(Billing billing) {
        this.billing = billing;
    }

    public RecurrencePeriod getRecurrencePeriod() {
        return recurrencePeriod;
    }

    public void setRecurrencePeriod(RecurrencePeriod recurrencePeriod) {
        this.recurrencePeriod = recurrencePeriod;
    }

    public BigDecimal getLineNet() {
        return lineNet;
    }

    public void setLineNet(BigDecimal lineNet) {
        this.lineNet = lineNet;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getSurchargeCode() {
        return surchargeCode;
    }

    public void setSurchargeCode(String surchargeCode) {
        this.surchargeCode = surchargeCode;
    }

    public BigDecimal getSurchargeRate() {
        return surchargeRate;
    }

    public void setSurchargeRate(BigDecimal surchargeRate) {
        this.surchargeRate = surchargeRate;
    }

    public BigDecimal getGlobalDiscountShare() {
        return globalDiscountShare;
    }

    public void setGlobalDiscountShare(BigDecimal globalDiscountShare) {
        this.globalDiscountShare = globalDiscountShare;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }

    public void setLineTotal(BigDecimal lineTotal) {
        this.lineTotal = lineTotal;
    }
}
