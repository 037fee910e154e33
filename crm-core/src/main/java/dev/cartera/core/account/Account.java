package dev.cartera.core.account;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A counterparty: a company or a person, in the roles customer, supplier and/or partner. */
@Entity
@Table(name = "crm_account")
public class Account extends TenantEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private AccountKind kind;

    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "legal_name", length = 200)
    private String legalName;

    @Column(name = "tax_id", length = 20)
    private String taxId;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "website", length = 300)
    private String website;

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

    @Column(name = "industry", length = 80)
    private String industry;

    @Column(name = "employees")
    private Integer employees;

    @Column(name = "is_customer")
    private boolean customer;

    @Column(name = "is_supplier")
    private boolean supplier;

    @Column(name = "is_partner")
    private boolean partner;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "origin_lead_id")
    private UUID originLeadId;

    @Column(name = "source", length = 40)
    private String source;

    @Column(name = "segment", length = 40)
    private String segment;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "last_contacted_at")
    private Instant lastContactedAt;

    @Column(name = "name_key", length = 200)
    private String nameKey;

    public AccountKind getKind() {
        return kind;
    }

    public void setKind(AccountKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
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

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
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

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public Integer getEmployees() {
        return employees;
    }

    public void setEmployees(Integer employees) {
        this.employees = employees;
    }

    public boolean isCustomer() {
        return customer;
    }

    public void setCustomer(boolean customer) {
        this.customer = customer;
    }

    public boolean isSupplier() {
        return supplier;
    }

    public void setSupplier(boolean supplier) {
        this.supplier = supplier;
    }

    public boolean isPartner() {
        return partner;
    }

    public void setPartner(boolean partner) {
        this.partner = partner;
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

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Instant getLastContactedAt() {
        return lastContactedAt;
    }

    public void setLastContactedAt(Instant lastContactedAt) {
        this.lastContactedAt = lastContactedAt;
    }

    public String getNameKey() {
        return nameKey;
    }

    public void setNameKey(String nameKey) {
        this.nameKey = nameKey;
    }
}
