package dev.cartera.core.opportunity;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One entry of the tenant's list of reasons a deal is lost (Precio, Competencia…), in display order. */
@Entity
@Table(name = "crm_lost_reason")
public class LostReason extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "position")
    private int position;

    @Column(name = "active")
    private boolean active;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
