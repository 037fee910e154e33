package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;

/** The new-customer form as typed; {@link #toDraft} hands it to the core, which validates it. */
public class AccountForm {
    private AccountKind kind = AccountKind.COMPANY;
    private String name;
    private String legalName;
    private String taxId;
    private String email;
    private String phone;
    private String website;
    private String street;
    private String city;
    private String postcode;
    private String province;
    private String industry;
    private String notes;

    AccountDraft toDraft() {
        return new AccountDraft(kind == null ? AccountKind.COMPANY : kind, blank(name), blank(legalName), blank(taxId), blank(email),
                blank(phone), blank(website), blank(street), blank(city), blank(postcode), blank(province), null, blank(industry),
                null, true, false, false, null, null, null, blank(notes));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

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

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
