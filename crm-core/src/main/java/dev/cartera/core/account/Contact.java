package dev.cartera.core.account;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person at an account (or on their own) the firm talks to. */
@Entity
@Table(name = "crm_contact")
public class Contact extends TenantEntity {
    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 150)
    private String lastName;

    @Column(name = "job_title", length = 120)
    private String jobTitle;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "mobile", length = 30)
    private String mobile;

    @Column(name = "language", length = 5)
    private String language;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "origin_lead_id")
    private UUID originLeadId;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "person_key", length = 250)
    private String personKey;

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public UUID getOriginLeadId() {
        return originLeadId;
    }

    public void setOriginLeadId(UUID originLeadId) {
        this.originLeadId = originLeadId;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getPersonKey() {
        return personKey;
    }

    public void setPersonKey(String personKey) {
        this.personKey = personKey;
    }
}
