package dev.cartera.spring.ui;

import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadView;
import java.util.List;
import java.util.UUID;

/** The lead form as typed; {@link #toDraft} hands it to the core, which validates it. */
public class LeadForm {
    /** The sources offered in the form; leads imported with other sources keep and show their own. */
    public static final List<String> SOURCES = List.of("web", "phone", "email", "referral", "event", "social",
            "walk-in", "advertising", "other");
    private String firstName;
    private String lastName;
    private String companyName;
    private String jobTitle;
    private String email;
    private String phone;
    private String taxId;
    private String source;
    private String street;
    private String city;
    private String postcode;
    private String province;
    private String productInterest;
    private String notes;
    private Integer companySize;

    static LeadForm empty() {
        LeadForm form = new LeadForm();
        form.setSource("web");
        return form;
    }

    static LeadForm of(LeadView lead) {
        LeadForm form = new LeadForm();
        form.firstName = lead.firstName();
        form.lastName = lead.lastName();
        form.companyName = lead.companyName();
        form.jobTitle = lead.jobTitle();
        form.email = lead.email();
        form.phone = lead.phone();
        form.taxId = lead.taxId();
        form.source = lead.source();
        form.street = lead.street();
        form.city = lead.city();
        form.postcode = lead.postcode();
        form.province = lead.province();
        form.productInterest = lead.productInterest();
        form.notes = lead.notes();
        form.companySize = lead.companySize();
        return form;
    }

    LeadDraft toDraft(LeadView existing) {
        UUID campaign = existing == null ? null : existing.campaignId();
        UUID owner = existing == null ? null : existing.ownerId();
        String country = existing == null ? null : existing.country();
        String language = existing == null ? null : existing.language();
        return new LeadDraft(firstName, lastName, companyName, jobTitle, email, phone, taxId, source, campaign, owner,
                street, city, postcode, province, country, language, companySize, productInterest, notes);
    }

    public Integer getCompanySize() {
        return companySize;
    }

    public void setCompanySize(Integer companySize) {
        this.companySize = companySize;
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
}
