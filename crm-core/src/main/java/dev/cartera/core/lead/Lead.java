package dev.cartera.core.lead;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A business opportunity at its registration: who, from which source, and how it was worked. */
@Entity
@Table(name = "crm_lead")
public class Lead extends TenantEntity {
    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 150)
    private String lastName;

    @Column(name = "company_name", length = 200)
    private String companyName;

    @Column(name = "job_title", length = 120)
    private String jobTitle;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "tax_id", length = 20)
    private String taxId;

    @Column(name = "source", length = 40)
    private String source;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30)
    private LeadStatus status;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "street", length = 200)
    private String street;

    @Column(name = "city", length = 120)
    private String city;

    @Column(name = "postcode", length = 10)
    private String postcode;

    @Column(name = "province", length = 80)
    private String province;

    @Column(name = "country", length = 2)
    private String country;

    @Column(name = "language", length = 5)
    private String language;

    @Column(name = "company_size")
    private Integer companySize;

    @Column(name = "product_interest", length = 200)
    private String productInterest;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "disqualify_reason", length = 200)
    private String disqualifyReason;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "converted_at")
    private Instant convertedAt;

    @Column(name = "converted_account_id")
    private UUID convertedAccountId;

    @Column(name = "converted_contact_id")
    private UUID convertedContactId;

    @Column(name = "converted_opportunity_id")
    private UUID convertedOpportunityId;

    @Column(name = "last_contacted_at")
    private Instant lastContactedAt;

    @Column(name = "company_key", length = 200)
    private String companyKey;

    @Column(name = "person_key", length = 250)
    private String personKey;

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

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
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

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public UUID getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(UUID campaignId) {
        this.campaignId = campaignId;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public void setStatus(LeadStatus status) {
        this.status = status;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Integer getCompanySize() {
        return companySize;
    }

    public void setCompanySize(Integer companySize) {
        this.companySize = companySize;
    }

    public String getProductInterest() {
        return productInterest;
    }

    public void setProductInterest(String productInterest) {
        this.productInterest = productInterest;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getDisqualifyReason() {
        return disqualifyReason;
    }

    public void setDisqualifyReason(String disqualifyReason) {
        this.disqualifyReason = disqualifyReason;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public void setAssignedAt(Instant assignedAt) {
        this.assignedAt = assignedAt;
    }

    public Instant getConvertedAt() {
        return convertedAt;
    }

    public void setConvertedAt(Instant convertedAt) {
        this.convertedAt = convertedAt;
    }

    public UUID getConvertedAccountId() {
        return convertedAccountId;
    }

    public void setConvertedAccountId(UUID convertedAccountId) {
        this.convertedAccountId = convertedAccountId;
    }

    public UUID getConvertedContactId() {
        return convertedContactId;
    }

    public void setConvertedContactId(UUID convertedContactId) {
        this.convertedContactId = convertedContactId;
    }

    public UUID getConvertedOpportunityId() {
        return convertedOpportunityId;
    }

    public void setConvertedOpportunityId(UUID convertedOpportunityId) {
        this.convertedOpportunityId = convertedOpportunityId;
    }

    public Instant getLastContactedAt() {
        return lastContactedAt;
    }

    public void setLastContactedAt(Instant lastContactedAt) {
        this.lastContactedAt = lastContactedAt;
    }

    public String getCompanyKey() {
        return companyKey;
    }

    public void setCompanyKey(String companyKey) {
        this.companyKey = companyKey;
    }

    public String getPersonKey() {
        return personKey;
    }

    public void setPersonKey(String personKey) {
        this.personKey = personKey;
    }
}
