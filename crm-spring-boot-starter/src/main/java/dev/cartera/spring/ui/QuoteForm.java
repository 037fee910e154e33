package dev.cartera.spring.ui;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuoteLineView;
import dev.cartera.core.quote.QuoteView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The quote builder's form as the browser posts it: amounts as people type them ({@code 1.234,5}),
 * read in the user's locale; a number that cannot be read becomes a field error, not an exception.
 */
public class QuoteForm {
    private UUID opportunityId;
    private UUID accountId;
    private UUID contactId;
    private String title;
    private String validUntil;
    private String globalDiscountPercent;
    private String globalDiscountAmount;
    private boolean equivalenceSurcharge;
    private String notes;
    private Long version;
    private List<Line> lines = new ArrayList<>();

    static QuoteForm of(QuoteView q, CarteraUiFormat format) {
        QuoteForm form = new QuoteForm();
        form.opportunityId = q.opportunityId();
        form.accountId = q.accountId();
        form.contactId = q.contactId();
        form.title = q.title();
        form.validUntil = q.validUntil() == null ? null : q.validUntil().toString();
        form.globalDiscountPercent = plain(q.globalDiscountPercent(), format);
        form.globalDiscountAmount = plain(q.globalDiscountAmount(), format);
        form.equivalenceSurcharge = q.equivalenceSurcharge();
        form.notes = q.notes();
        form.version = q.version();
        for (QuoteLineView l : q.lines()) {
            Line line = new Line();
            line.productId = l.productId();
            line.description = l.description();
            line.unit = l.unit();
            line.quantity = plain(l.quantity(), format);
            line.unitPrice = plain(l.unitPrice(), format);
            line.discountPercent = plain(l.discountPercent(), format);
            line.taxCode = l.taxCode();
            line.billing = l.billing();
            line.recurrencePeriod = l.recurrencePeriod();
            form.lines.add(line);
        }
        return form;
    }

    static String plain(BigDecimal value, CarteraUiFormat format) {
        return value == null ? null : format.number(value.stripTrailingZeros());
    }

    QuoteDraft toDraft(Locale locale, FormErrors errors) {
        List<QuoteLineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String prefix = "lines[" + i + "].";
            BigDecimal quantity = amount(l.quantity, locale, errors, prefix + "quantity");
            drafts.add(new QuoteLineDraft(l.productId, blankToNull(l.description), blankToNull(l.unit),
                    quantity == null ? BigDecimal.ONE : quantity,
                    amount(l.unitPrice, locale, errors, prefix + "unitPrice"),
                    amount(l.discountPercent, locale, errors, prefix + "discountPercent"), null, blankToNull(l.taxCode),
                    l.billing == null ? Billing.ONE_OFF : l.billing,
                    l.billing == Billing.RECURRING ? (l.recurrencePeriod == null ? RecurrencePeriod.MONTHLY : l.recurrencePeriod) : null));
        }
        LocalDate until = null;
        if (validUntil != null && !validUntil.isBlank()) {
            try {
                until = LocalDate.parse(validUntil.strip());
            } catch (DateTimeParseException e) {
                errors.add("validUntil", "typeMismatch");
            }
        }
        return new QuoteDraft(opportunityId, accountId, contactId, blankToNull(title), until, null,
                amount(globalDiscountPercent, locale, errors, "globalDiscountPercent"),
                amount(globalDiscountAmount, locale, errors, "globalDiscountAmount"), equivalenceSurcharge, blankToNull(notes),
                drafts);
    }

    private static BigDecimal amount(String raw, Locale locale, FormErrors errors, String field) {
        try {
            return CarteraUiFormat.parseAmount(raw, locale).orElse(null);
        } catch (NumberFormatException e) {
            errors.add(field, "typeMismatch");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }

    public String getGlobalDiscountPercent() {
        return globalDiscountPercent;
    }

    public void setGlobalDiscountPercent(String globalDiscountPercent) {
        this.globalDiscountPercent = globalDiscountPercent;
    }

    public String getGlobalDiscountAmount() {
        return globalDiscountAmount;
    }

    public void setGlobalDiscountAmount(String globalDiscountAmount) {
        this.globalDiscountAmount = globalDiscountAmount;
    }

    public boolean isEquivalenceSurcharge() {
        return equivalenceSurcharge;
    }

    public void setEquivalenceSurcharge(boolean equivalenceSurcharge) {
        this.equivalenceSurcharge = equivalenceSurcharge;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines == null ? new ArrayList<>() : lines;
    }

    /** One line: a catalogue product (its id kept) or free text. */
    public static class Line {
        private UUID productId;
        private String description;
        private String unit;
        private String quantity = "1";
        private String unitPrice;
        private String discountPercent;
        private String taxCode;
        private Billing billing = Billing.ONE_OFF;
        private RecurrencePeriod recurrencePeriod;

        /** Billing and period as one choice: ONE_OFF, MONTHLY, QUARTERLY or YEARLY. */
        public String getCharge() {
            return billing == Billing.RECURRING ? (recurrencePeriod == null ? RecurrencePeriod.MONTHLY : recurrencePeriod).name()
                    : Billing.ONE_OFF.name();
        }

        public void setCharge(String charge) {
            if (charge == null || charge.isBlank() || Billing.ONE_OFF.name().equals(charge)) {
                billing = Billing.ONE_OFF;
                recurrencePeriod = null;
            } else {
                billing = Billing.RECURRING;
                recurrencePeriod = RecurrencePeriod.valueOf(charge);
            }
        }

        public UUID getProductId() {
            return productId;
        }

        public void setProductId(UUID productId) {
            this.productId = productId;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(String unitPrice) {
            this.unitPrice = unitPrice;
        }

        public String getDiscountPercent() {
            return discountPercent;
        }

        public void setDiscountPercent(String discountPercent) {
            this.discountPercent = discountPercent;
        }

        public String getTaxCode() {
            return taxCode;
        }

        public void setTaxCode(String taxCode) {
            this.taxCode = taxCode;
        }

        public Billing getBilling() {
            return billing;
        }

        public void setBilling(Billing billing) {
            this.billing = billing;
        }

        public RecurrencePeriod getRecurrencePeriod() {
            return recurrencePeriod;
        }

        public void setRecurrencePeriod(RecurrencePeriod recurrencePeriod) {
            this.recurrencePeriod = recurrencePeriod;
        }
    }
}
