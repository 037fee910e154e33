package dev.cartera.spring.ui;

import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.dedupe.DuplicateProbe;
import java.util.UUID;

/** The contact form as typed; {@link #toDraft} hands it to the core, which validates it. */
public class ContactForm {
    private UUID accountId;
    private String firstName;
    private String lastName;
    private String jobTitle;
    private String email;
    private String phone;
    private String mobile;
    private String notes;

    ContactDraft toDraft() {
        return new ContactDraft(accountId, blank(firstName), blank(lastName), blank(jobTitle), blank(email), blank(phone),
                blank(mobile), null, null, blank(notes));
    }

    /** What the duplicate check looks for: the person's name, e-mail and either phone. */
    DuplicateProbe probe() {
        return DuplicateProbe.person(blank(firstName), blank(lastName), blank(email), blank(phone) != null ? blank(phone) : blank(mobile));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
