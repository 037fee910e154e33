package dev.cartera.core.quote;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An offer or budget sent to a lead or customer: the purchase simulation, with versions and status. */
@Entity
@Table(name = "crm_quote")
public class Quote extends TenantEntity {
    @Column(name = "number", length = 40)
    private String number;

    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "price_list_id")
    private UUID priceListId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30)
    private QuoteStatus status;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "currency", length = 3)
    private String currency;

    @Column(name = "global_discount_percent", precision = 19, scale = 4)
    private BigDecimal globalDiscountPercent;

    @Column(name = "global_discount_amount", precision = 19, scale = 4)
    private BigDecimal globalDiscountAmount;

    @Column(name = "net_total", precision = 19, scale = 4)
    private BigDecimal netTotal;

    @Column(name = "tax_total", precision = 19, scale = 4)
    private BigDecimal taxTotal;

    @Column(name = "gross_total", precision = 19, scale = 4)
    private BigDecimal grossTotal;

    @Column(name = "recurring_monthly_total", precision = 19, scale = 4)
    private BigDecimal recurringMonthlyTotal;

    @Column(name = "recurring_yearly_total", precision = 19, scale = 4)
    private BigDecimal recurringYearlyTotal;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "viewed_at")
    private Instant viewedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by_name", length = 200)
    private String decidedByName;

    @Column(name = "decided_from_ip", length = 45)
    private String decidedFromIp;

    @Column(name = "public_token_hash", length = 100)
    private String publicTokenHash;

    @Column(name = "public_token_expires_at")
    private Instant publicTokenExpiresAt;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "equivalence_surcharge")
    private boolean equivalenceSurcharge;

    @Column(name = "decision_note", length = 1000)
    private String decisionNote;

    @Column(name = "pdf_document_id")
    private UUID pdfDocumentId;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public void setContactId(UUID contactId) {
        this.contactId = contactId;
    }

    public UUID getPriceListId() {
        return priceListId;
    }

    public void setPriceListId(UUID priceListId) {
        this.priceListId = priceListId;
    }

    public QuoteStatus getStatus() {
        return status;
    }

    public void setStatus(QuoteStatus status) {
        this.status = status;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public void setVersionNo(int versionNo) {
        this.versionNo = versionNo;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getGlobalDiscountPercent() {
        return globalDiscountPercent;
    }

    public void setGlobalDiscountPercent(BigDecimal globalDiscountPercent) {
        this.globalDiscountPercent = globalDiscountPercent;
    }

    public BigDecimal getGlobalDiscountAmount() {
        return globalDiscountAmount;
    }

    public void setGlobalDiscountAmount(BigDecimal globalDiscountAmount) {
        this.globalDiscountAmount = globalDiscountAmount;
    }

    public BigDecimal getNetTotal() {
        return netTotal;
    }

    public void setNetTotal(BigDecimal netTotal) {
        this.netTotal = netTotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public void setTaxTotal(BigDecimal taxTotal) {
        this.taxTotal = taxTotal;
    }

    public BigDecimal getGrossTotal() {
        return grossTotal;
    }

    public void setGrossTotal(BigDecimal grossTotal) {
        this.grossTotal = grossTotal;
    }

    public BigDecimal getRecurringMonthlyTotal() {
        return recurringMonthlyTotal;
    }

    public void setRecurringMonthlyTotal(BigDecimal recurringMonthlyTotal) {
        this.recurringMonthlyTotal = recurringMonthlyTotal;
    }

    public BigDecimal getRecurringYearlyTotal() {
        return recurringYearlyTotal;
    }

    public void setRecurringYearlyTotal(BigDecimal recurringYearlyTotal) {
        this.recurringYearlyTotal = recurringYearlyTotal;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public Instant getViewedAt() {
        return viewedAt;
    }

    public void setViewedAt(Instant viewedAt) {
        this.viewedAt = viewedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getDecidedByName() {
        return decidedByName;
    }

    public void setDecidedByName(String decidedByName) {
        this.decidedByName = decidedByName;
    }

    public String getDecidedFromIp() {
        return decidedFromIp;
    }

    public void setDecidedFromIp(String decidedFromIp) {
        this.decidedFromIp = decidedFromIp;
    }

    public String getPublicTokenHash() {
        return publicTokenHash;
    }

    public void setPublicTokenHash(String publicTokenHash) {
        this.publicTokenHash = publicTokenHash;
    }

    public Instant getPublicTokenExpiresAt() {
        return publicTokenExpiresAt;
    }

    public void setPublicTokenExpiresAt(Instant publicTokenExpiresAt) {
        this.publicTokenExpiresAt = publicTokenExpiresAt;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isEquivalenceSurcharge() {
        return equivalenceSurcharge;
    }

    public void setEquivalenceSurcharge(boolean equivalenceSurcharge) {
        this.equivalenceSurcharge = equivalenceSurcharge;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public void setDecisionNote(String decisionNote) {
        this.decisionNote = decisionNote;
    }

    public UUID getPdfDocumentId() {
        return pdfDocumentId;
    }

    public void setPdfDocumentId(UUID pdfDocumentId) {
        this.pdfDocumentId = pdfDocumentId;
    }
}
