package dev.cartera.core.team;

import dev.cartera.core.access.Role;
import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The CRM's mirror of a host user: role, team and office decide what the user sees. */
@Entity
@Table(name = "crm_user")
public class CrmUser extends TenantEntity {
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "email", length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Role role;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "office_id")
    private UUID officeId;

    @Column(name = "active")
    private boolean active;

    @Column(name = "locale", length = 10)
    private String locale;

    @Column(name = "absent_from")
    private LocalDate absentFrom;

    @Column(name = "absent_until")
    private LocalDate absentUntil;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public UUID getOfficeId() {
        return officeId;
    }

    public void setOfficeId(UUID officeId) {
        this.officeId = officeId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public LocalDate getAbsentFrom() {
        return absentFrom;
    }

    public void setAbsentFrom(LocalDate absentFrom) {
        this.absentFrom = absentFrom;
    }

    public LocalDate getAbsentUntil() {
        return absentUntil;
    }

    public void setAbsentUntil(LocalDate absentUntil) {
        this.absentUntil = absentUntil;
    }
}
