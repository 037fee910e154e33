package dev.cartera.core.catalog;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Prices for a customer segment during a validity period. */
@Entity
@Table(name = "crm_price_list")
public class PriceList extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "currency", length = 3)
    private String currency;

    @Column(name = "segment", length = 40)
    private String segment;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "is_default")
    private boolean defaultList;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public boolean isDefaultList() {
        return defaultList;
    }

    public void setDefaultList(boolean defaultList) {
        this.defaultList = defaultList;
    }
}
