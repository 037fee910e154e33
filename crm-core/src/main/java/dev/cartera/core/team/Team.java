package dev.cartera.core.team;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A sales team inside an office, led by a manager. */
@Entity
@Table(name = "crm_team")
public class Team extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "office_id")
    private UUID officeId;

    @Column(name = "manager_id")
    private UUID managerId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getOfficeId() {
        return officeId;
    }

    public void setOfficeId(UUID officeId) {
        this.officeId = officeId;
    }

    public UUID getManagerId() {
        return managerId;
    }

    public void setManagerId(UUID managerId) {
        this.managerId = managerId;
    }
}
