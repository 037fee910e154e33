package dev.cartera.core.team;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An office or department of the firm; plans and reports roll up to it. */
@Entity
@Table(name = "crm_office")
public class Office extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "city", length = 120)
    private String city;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
