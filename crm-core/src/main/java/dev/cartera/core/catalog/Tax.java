package dev.cartera.core.catalog;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A tax rate of Spain the catalogue and quotes use: IVA, IGIC, recargo de equivalencia or exempt. */
@Entity
@Table(name = "crm_tax")
public class Tax extends TenantEntity {
    @Column(name = "code", length = 20)
    private String code;

    @Column(name = "name", length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private TaxKind kind;

    @Column(name = "rate", precision = 19, scale = 4)
    private BigDecimal rate;

    @Column(name = "legal_note", length = 500)
    private String legalNote;

    @Column(name = "active")
    private boolean active;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TaxKind getKind() {
        return kind;
    }

    public void setKind(TaxKind kind) {
        this.kind = kind;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    public String getLegalNote() {
        return legalNote;
    }

    public void setLegalNote(String legalNote) {
        this.legalNote = legalNote;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
