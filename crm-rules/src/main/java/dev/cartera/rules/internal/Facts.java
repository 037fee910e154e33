package dev.cartera.rules.internal;

import dev.cartera.core.account.Account;
import dev.cartera.core.account.Contact;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.Validator;
import dev.cartera.core.customfield.CustomFieldValue;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.document.Document;
import dev.cartera.core.document.DocumentLink;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.Stage;
import dev.cartera.core.quote.Quote;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.team.CrmUser;
import dev.cartera.rules.Trigger;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Flattens records into {@link RecordFact}s: the field names criteria use, values as text. */
public final class Facts {
    private Facts() {
    }

    /** What automation needs besides the fact: where tasks and alerts attach, and who the customer is. */
    /**
     * {@code opportunityId}: the deal the record belongs to (the deal itself, or a quote's deal): tasks attach to it
     * and a stage change moves it. {@code pipelineId} is that deal's pipeline.
     */
    public record Target(RecordType recordType, UUID recordId, UUID accountId, UUID ownerId, String customerEmail,
            UUID pipelineId, String name, UUID opportunityId) {
    }

    public record Subject(RecordFact fact, Target target) {
    }

    public static RecordFact lead(Lead l, Map<String, String> custom) {
        return new RecordFact(null, l.getId(), l.getOwnerId(), leadValues(l.getProvince(), l.getPostcode(), l.getCity(),
                l.getCountry(), l.getSource(), l.getProductInterest(), l.getCompanySize(), l.getLanguage(),
                l.getStatus(), l.getCompanyName(), l.getEmail(), l.getJobTitle(), l.getTaxId(), l.getPhone(),
                name(l.getFirstName(), l.getLastName(), l.getCompanyName()), custom));
    }

    /** A typed-in lead, normalised the way creating it would normalise it. */
    public static RecordFact draft(LeadDraft d) {
        String source = Validator.trimToNull(d.source()) == null ? "other" : d.source().strip();
        String taxId = d.taxId() == null || d.taxId().isBlank() ? null : TaxId.of(d.taxId()).value();
        return new RecordFact(null, null, null, leadValues(Validator.trimToNull(d.province()), Validator.trimToNull(d.postcode()),
                Validator.trimToNull(d.city()), d.country() == null ? "ES" : d.country(), source,
                Validator.trimToNull(d.productInterest()), d.companySize(), d.language() == null ? "es" : d.language(),
                LeadStatus.NEW, Validator.trimToNull(d.companyName()), ContactPoints.email(d.email()),
                Validator.trimToNull(d.jobTitle()), taxId, ContactPoints.phone(d.phone()),
                name(d.firstName(), d.lastName(), d.companyName()), Map.of()));
    }

    private static Map<String, String> leadValues(String province, String postcode, String city, String country, String source,
            String productInterest, Integer companySize, String language, LeadStatus status, String companyName, String email,
            String jobTitle, String taxId, String phone, String name, Map<String, String> custom) {
        Map<String, String> v = new HashMap<>(custom);
        put(v, "province", province);
        put(v, "postcode", postcode);
        put(v, "city", city);
        put(v, "country", country);
        put(v, "source", source);
        put(v, "productInterest", productInterest);
        put(v, "companySize", companySize);
        put(v, "language", language);
        put(v, "status", status);
        put(v, "companyName", companyName);
        put(v, "email", email);
        put(v, "jobTitle", jobTitle);
        put(v, "taxId", taxId);
        put(v, "phone", phone);
        put(v, "name", name);
        return v;
    }

    /** Loads the record an automation trigger is about; null when it is gone. */
    public static Subject subject(EntityManager em, Trigger trigger, UUID recordId, Instant now) {
        return switch (trigger.recordType()) {
            case LEAD -> {
                Lead l = em.find(Lead.class, recordId);
                yield l == null ? null : new Subject(withTrigger(trigger, lead(l, custom(em, RecordType.LEAD, recordId))),
                        new Target(RecordType.LEAD, recordId, l.getConvertedAccountId(), l.getOwnerId(), l.getEmail(), null,
                                name(l.getFirstName(), l.getLastName(), l.getCompanyName()), null));
            }
            case OPPORTUNITY -> {
                Opportunity o = em.find(Opportunity.class, recordId);
                yield o == null ? null : opportunity(em, trigger, o, o.getStageId() == null ? null : em.find(Stage.class, o.getStageId()), now);
            }
            case ACCOUNT -> {
                Account a = em.find(Account.class, recordId);
                yield a == null ? null : account(em, trigger, a, now);
            }
            case ACTIVITY -> {
                Activity a = em.find(Activity.class, recordId);
                yield a == null ? null : activity(em, trigger, a, now);
            }
            case USER -> {
                CrmUser u = em.find(CrmUser.class, recordId);
                yield u == null ? null : user(trigger, u, now);
            }
            case QUOTE -> {
                Quote q = em.find(Quote.class, recordId);
                yield q == null ? null : quote(em, trigger, q, now);
            }
            case DOCUMENT -> {
                Document d = em.find(Document.class, recordId);
                yield d == null || d.getDeletedAt() != null ? null : document(em, trigger, d);
            }
            default -> null;
        };
    }

    public static Subject opportunity(EntityManager em, Trigger trigger, Opportunity o, Stage stage, Instant now) {
        Map<String, String> v = custom(em, RecordType.OPPORTUNITY, o.getId());
        put(v, "name", o.getName());
        put(v, "stage", stage == null ? null : stage.getName());
        put(v, "status", o.getStatus());
        put(v, "amount", o.getAmount() == null ? null : o.getAmount().stripTrailingZeros().toPlainString());
        put(v, "source", o.getSource());
        put(v, "currency", o.getCurrency());
        put(v, "probability", stage == null ? null : stage.getProbability());
        put(v, "days", o.getStageEnteredAt() == null ? null : Duration.between(o.getStageEnteredAt(), now).toDays());
        List<String> emails = o.getAccountId() == null ? List.of()
                : em.createQuery("select a.email from Account a where a.id = :id", String.class).setParameter("id", o.getAccountId()).getResultList();
        String email = emails.isEmpty() ? null : emails.get(0);
        return new Subject(new RecordFact(trigger, o.getId(), o.getOwnerId(), v),
                new Target(RecordType.OPPORTUNITY, o.getId(), o.getAccountId(), o.getOwnerId(), email, o.getPipelineId(), o.getName(), o.getId()));
    }

    public static Subject account(EntityManager em, Trigger trigger, Account a, Instant now) {
        Map<String, String> v = custom(em, RecordType.ACCOUNT, a.getId());
        put(v, "name", a.getName());
        put(v, "province", a.getProvince());
        put(v, "city", a.getCity());
        put(v, "postcode", a.getPostcode());
        put(v, "segment", a.getSegment());
        put(v, "industry", a.getIndustry());
        put(v, "employees", a.getEmployees());
        put(v, "source", a.getSource());
        Instant last = a.getLastContactedAt() != null ? a.getLastContactedAt() : a.getCreatedAt();
        put(v, "days", last == null ? null : Duration.between(last, now).toDays());
        return new Subject(new RecordFact(trigger, a.getId(), a.getOwnerId(), v),
                new Target(RecordType.ACCOUNT, a.getId(), a.getId(), a.getOwnerId(), a.getEmail(), null, a.getName(), null));
    }

    public static Subject activity(EntityManager em, Trigger trigger, Activity a, Instant now) {
        Map<String, String> v = custom(em, RecordType.ACTIVITY, a.getId());
        put(v, "type", a.getType());
        put(v, "priority", a.getPriority());
        put(v, "subject", a.getSubject());
        put(v, "name", a.getSubject());
        put(v, "relatedType", a.getRelatedType());
        put(v, "days", a.getDueAt() == null ? null : Duration.between(a.getDueAt(), now).toDays());
        return new Subject(new RecordFact(trigger, a.getId(), a.getOwnerId(), v),
                new Target(RecordType.ACTIVITY, a.getId(), a.getAccountId(), a.getOwnerId(), null, null, a.getSubject(), null));
    }

    public static Subject user(Trigger trigger, CrmUser u, Instant now) {
        Map<String, String> v = new HashMap<>();
        put(v, "username", u.getUsername());
        put(v, "name", u.getDisplayName());
        put(v, "role", u.getRole());
        put(v, "days", u.getAbsentFrom() == null || u.getAbsentUntil() == null ? null
                : java.time.temporal.ChronoUnit.DAYS.between(u.getAbsentFrom(), u.getAbsentUntil()) + 1);
        return new Subject(new RecordFact(trigger, u.getId(), u.getId(), v),
                new Target(RecordType.USER, u.getId(), null, u.getId(), null, null, u.getDisplayName(), null));
    }

    /**
     * A quote with its deal and customer. The owner is the deal's owner when the quote belongs to a deal (who
     * follows the sale now), else the quote's. {@code amount} is the one-off net total, {@code gross} the one-off
     * total with taxes, {@code recurringYearly} the recurring part's yearly net; {@code days} counts the days since
     * it was sent and {@code daysLeft} those until its last valid day (dates in the quotes' time zone).
     */
    public static Subject quote(EntityManager em, Trigger trigger, Quote q, Instant now) {
        Map<String, String> v = custom(em, RecordType.QUOTE, q.getId());
        Opportunity deal = q.getOpportunityId() == null ? null : em.find(Opportunity.class, q.getOpportunityId());
        Stage stage = deal == null || deal.getStageId() == null ? null : em.find(Stage.class, deal.getStageId());
        Account account = q.getAccountId() == null ? null : em.find(Account.class, q.getAccountId());
        UUID owner = deal != null && deal.getOwnerId() != null ? deal.getOwnerId() : q.getOwnerId();
        String label = q.getNumber() + (q.getVersionNo() > 1 ? " v" + q.getVersionNo() : "")
                + (q.getTitle() == null ? "" : " " + q.getTitle());
        put(v, "name", label.strip());
        put(v, "number", q.getNumber());
        put(v, "title", q.getTitle());
        put(v, "status", q.getStatus());
        put(v, "version", q.getVersionNo());
        put(v, "amount", plain(q.getNetTotal()));
        put(v, "gross", plain(q.getGrossTotal()));
        put(v, "recurringYearly", plain(q.getRecurringYearlyTotal()));
        put(v, "currency", q.getCurrency());
        put(v, "validUntil", q.getValidUntil());
        put(v, "days", q.getSentAt() == null ? null : Duration.between(q.getSentAt(), now).toDays());
        put(v, "daysLeft", q.getValidUntil() == null ? null
                : ChronoUnit.DAYS.between(LocalDate.ofInstant(now, QuoteService.ZONE), q.getValidUntil()));
        put(v, "deal", deal == null ? null : deal.getName());
        put(v, "stage", stage == null ? null : stage.getName());
        put(v, "owner", username(em, owner));
        accountValues(v, account);
        String email = null;
        if (q.getContactId() != null) {
            Contact c = em.find(Contact.class, q.getContactId());
            email = c == null ? null : c.getEmail();
        }
        if (email == null && account != null) {
            email = account.getEmail();
        }
        return new Subject(new RecordFact(trigger, q.getId(), owner, v), new Target(RecordType.QUOTE, q.getId(), q.getAccountId(),
                owner, email, deal == null ? null : deal.getPipelineId(), label.strip(), deal == null ? null : deal.getId()));
    }

    /**
     * A document with the customer card it is on. The owner is the account's owner (a customer's upload belongs to
     * whoever handles the customer), else the document's. {@code size} is in bytes.
     */
    public static Subject document(EntityManager em, Trigger trigger, Document d) {
        Map<String, String> v = custom(em, RecordType.DOCUMENT, d.getId());
        List<DocumentLink> links = em.createQuery("select l from DocumentLink l where l.documentId = :d order by l.recordType",
                DocumentLink.class).setParameter("d", d.getId()).getResultList();
        UUID accountId = links.stream().filter(l -> l.getRecordType() == RecordType.ACCOUNT).map(DocumentLink::getRecordId)
                .findFirst().orElse(null);
        UUID dealId = links.stream().filter(l -> l.getRecordType() == RecordType.OPPORTUNITY).map(DocumentLink::getRecordId)
                .findFirst().orElse(null);
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        UUID owner = account != null && account.getOwnerId() != null ? account.getOwnerId() : d.getOwnerId();
        put(v, "name", d.getName());
        put(v, "mediaType", d.getMediaType());
        put(v, "category", d.getCategory());
        put(v, "size", d.getSizeBytes());
        put(v, "owner", username(em, owner));
        accountValues(v, account);
        return new Subject(new RecordFact(trigger, d.getId(), owner, v), new Target(RecordType.DOCUMENT, d.getId(), accountId, owner,
                account == null ? null : account.getEmail(), null, d.getName(), dealId));
    }

    private static void accountValues(Map<String, String> v, Account a) {
        if (a == null) {
            return;
        }
        put(v, "account", a.getName());
        put(v, "province", a.getProvince());
        put(v, "city", a.getCity());
        put(v, "segment", a.getSegment());
        put(v, "industry", a.getIndustry());
    }

    private static String username(EntityManager em, UUID userId) {
        CrmUser u = userId == null ? null : em.find(CrmUser.class, userId);
        return u == null ? null : u.getUsername();
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    /** A typed-in sample for the automation simulator. */
    public static Subject sample(Trigger trigger, Map<String, String> fields, UUID ownerId) {
        Map<String, String> v = new HashMap<>(fields);
        return new Subject(new RecordFact(trigger, null, ownerId, v),
                new Target(trigger.recordType(), null, null, ownerId, v.get("email"), null, v.getOrDefault("name", ""), null));
    }

    private static RecordFact withTrigger(Trigger trigger, RecordFact fact) {
        return new RecordFact(trigger, fact.getRecordId(), fact.getOwnerId(), fact.values());
    }

    public static Map<String, String> custom(EntityManager em, RecordType type, UUID id) {
        Map<String, String> v = new HashMap<>();
        for (CustomFieldValue c : em.createQuery("select c from CustomFieldValue c where c.recordType = :t and c.recordId = :id",
                CustomFieldValue.class).setParameter("t", type).setParameter("id", id).getResultList()) {
            if (c.getValue() != null) {
                v.put(Fields.CUSTOM_PREFIX + c.getFieldKey(), c.getValue());
            }
        }
        return v;
    }

    private static void put(Map<String, String> v, String field, Object value) {
        if (value != null) {
            v.put(field, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    static String name(String first, String last, String company) {
        String person = ((first == null ? "" : first.strip() + " ") + (last == null ? "" : last.strip())).strip();
        if (company == null || company.isBlank()) {
            return person;
        }
        return person.isEmpty() ? company.strip() : person + " (" + company.strip() + ")";
    }
}
