package dev.cartera.core.lead;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.Contact;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.Objects;
import java.util.UUID;

/** Leads from registration to conversion (KD-2): create, edit, search, work through statuses, convert. */
public final class LeadService {
    private final Transactions tx;

    public LeadService(Transactions tx) {
        this.tx = tx;
    }

    public LeadView create(LeadDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> LeadView.of(newLead(work, draft)));
    }

    /** Creates a lead inside a running unit of work (imports, web forms, rules). */
    public static Lead newLead(UnitOfWork work, LeadDraft draft) {
        Validator.valid(draft);
        work.require(Action.CREATE, RecordType.LEAD);
        Lead lead = new Lead();
        lead.setStatus(LeadStatus.NEW);
        apply(draft, lead);
        // Without an owner in the draft, the tenant's assignment rules decide (admin configuration, so no ASSIGN check).
        UUID ruled = draft.ownerId() != null ? null
                : work.extension(LeadAssigner.class).flatMap(assigner -> assigner.assign(work, lead)).orElse(null);
        lead.setOwnerId(ruled != null ? ruled : Owners.resolveNewOwner(work, RecordType.LEAD, draft.ownerId()));
        if (lead.getOwnerId() != null) {
            lead.setAssignedAt(work.now());
        }
        work.em().persist(lead);
        work.audit("CREATE", RecordType.LEAD, lead.getId(), lead.getSource());
        work.publish(new LeadEvents.LeadCreated(work.tenantId(), work.now(), work.username(), lead.getId(), lead.getSource(), lead.getOwnerId()));
        return lead;
    }

    public LeadView update(UUID id, Long expectedVersion, LeadDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Lead lead = load(work, id, Action.UPDATE);
            lead.checkVersion(expectedVersion);
            if (lead.getStatus() == LeadStatus.CONVERTED) {
                throw new ConflictException("lead.converted", id);
            }
            if (draft.ownerId() != null && !draft.ownerId().equals(lead.getOwnerId())) {
                reassign(work, lead, draft.ownerId());
            }
            apply(draft, lead);
            work.audit("UPDATE", RecordType.LEAD, id, null);
            work.publish(new LeadEvents.LeadUpdated(work.tenantId(), work.now(), work.username(), id));
            return LeadView.of(work.flushed(lead));
        });
    }

    public LeadView get(UUID id) {
        return tx.read(work -> LeadView.of(load(work, id, Action.READ)));
    }

    public Page<LeadView> search(LeadQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.LEAD);
            return new SearchQuery<>(Lead.class, "l", scope.predicate("l.ownerId"))
                    .text(query.text(), "l.firstName", "l.lastName", "l.companyName", "l.email", "l.phone", "l.taxId", "l.city")
                    .equal("l.status", query.status())
                    .equal("l.source", Validator.trimToNull(query.source()))
                    .equal("l.ownerId", query.ownerId())
                    .page(work.em(), scope, "l.createdAt desc, l.id", page)
                    .map(LeadView::of);
        });
    }

    public LeadView assign(UUID id, Long expectedVersion, UUID ownerId) {
        return tx.write(work -> {
            Lead lead = load(work, id, Action.UPDATE);
            lead.checkVersion(expectedVersion);
            reassign(work, lead, ownerId);
            return LeadView.of(work.flushed(lead));
        });
    }

    /** Moves a lead through NEW → CONTACTED → QUALIFIED, or disqualifies it with a reason. Conversion has its own call. */
    public LeadView changeStatus(UUID id, Long expectedVersion, LeadStatus status, String reason) {
        Objects.requireNonNull(status, "status");
        return tx.write(work -> {
            Lead lead = load(work, id, Action.UPDATE);
            lead.checkVersion(expectedVersion);
            if (status == LeadStatus.CONVERTED) {
                throw ValidationException.of("status", "lead.status.convert-explicitly");
            }
            if (lead.getStatus().isFinal()) {
                throw new ConflictException("lead.status.final", lead.getStatus());
            }
            String why = Validator.trimToNull(reason);
            if (status == LeadStatus.DISQUALIFIED && why == null) {
                throw ValidationException.of("reason", "validation.NotBlank");
            }
            LeadStatus from = lead.getStatus();
            lead.setStatus(status);
            lead.setDisqualifyReason(status == LeadStatus.DISQUALIFIED ? why : null);
            work.audit("STATUS", RecordType.LEAD, id, from + " -> " + status);
            work.publish(new LeadEvents.LeadStatusChanged(work.tenantId(), work.now(), work.username(), id, from, status));
            return LeadView.of(work.flushed(lead));
        });
    }

    /**
     * Turns a lead into an account (or joins an existing one), a contact and optionally a deal. Each of
     * them keeps the lead as its origin (KD-1), so the customer's story starts at its registration.
     */
    public ConversionResult convert(UUID id, Long expectedVersion, LeadConversion conversion) {
        Validator.valid(conversion);
        return tx.write(work -> {
            Lead lead = load(work, id, Action.UPDATE);
            lead.checkVersion(expectedVersion);
            if (lead.getStatus().isFinal()) {
                throw new ConflictException("lead.status.final", lead.getStatus());
            }
            Account account = conversion.existingAccountId() != null
                    ? AccountService.load(work, conversion.existingAccountId(), Action.UPDATE)
                    : AccountService.newAccount(work, accountFrom(lead));
            if (account.getOriginLeadId() == null) {
                account.setOriginLeadId(lead.getId());
            }
            Contact contact = ContactService.newContact(work, contactFrom(lead, account), lead.getId());
            Opportunity opportunity = null;
            if (conversion.createOpportunity()) {
                String name = Validator.trimToNull(conversion.opportunityName());
                OpportunityDraft draft = new OpportunityDraft(name == null ? account.getName() : name, account.getId(),
                        contact.getId(), null, null, conversion.amount(), null, null, lead.getOwnerId(), lead.getSource(),
                        lead.getCampaignId(), lead.getProductInterest());
                opportunity = OpportunityService.newOpportunity(work, draft, lead.getId());
            }
            lead.setStatus(LeadStatus.CONVERTED);
            lead.setConvertedAt(work.now());
            lead.setConvertedAccountId(account.getId());
            lead.setConvertedContactId(contact.getId());
            lead.setConvertedOpportunityId(opportunity == null ? null : opportunity.getId());
            ConversionResult result = new ConversionResult(lead.getId(), account.getId(), contact.getId(),
                    opportunity == null ? null : opportunity.getId());
            work.audit("CONVERT", RecordType.LEAD, id, "account " + account.getId());
            work.publish(new LeadEvents.LeadConverted(work.tenantId(), work.now(), work.username(), id,
                    result.accountId(), result.contactId(), result.opportunityId()));
            return result;
        });
    }

    public static Lead load(UnitOfWork work, UUID id, Action action) {
        return work.load(Lead.class, RecordType.LEAD, id, action, Lead::getOwnerId);
    }

    private static void reassign(UnitOfWork work, Lead lead, UUID ownerId) {
        lead.setOwnerId(Owners.resolveReassignment(work, RecordType.LEAD, ownerId));
        lead.setAssignedAt(work.now());
        work.audit("ASSIGN", RecordType.LEAD, lead.getId(), String.valueOf(ownerId));
        work.publish(new LeadEvents.LeadAssigned(work.tenantId(), work.now(), work.username(), lead.getId(), ownerId));
    }

    private static AccountDraft accountFrom(Lead l) {
        boolean company = l.getCompanyName() != null;
        String personName = ((l.getFirstName() == null ? "" : l.getFirstName() + " ") + (l.getLastName() == null ? "" : l.getLastName())).strip();
        return new AccountDraft(company ? AccountKind.COMPANY : AccountKind.PERSON,
                company ? l.getCompanyName() : personName, null, l.getTaxId(), l.getEmail(), l.getPhone(), null,
                l.getStreet(), l.getCity(), l.getPostcode(), l.getProvince(), l.getCountry(), null, l.getCompanySize(),
                true, false, false, l.getOwnerId(), l.getSource(), null, null);
    }

    private static ContactDraft contactFrom(Lead l, Account account) {
        String lastName = l.getLastName() != null ? l.getLastName() : (l.getFirstName() != null ? l.getFirstName() : account.getName());
        String firstName = l.getLastName() != null ? l.getFirstName() : null;
        return new ContactDraft(account.getId(), firstName, lastName, l.getJobTitle(), l.getEmail(), l.getPhone(), null,
                l.getLanguage(), l.getOwnerId(), null);
    }

    private static void apply(LeadDraft d, Lead l) {
        l.setFirstName(Validator.trimToNull(d.firstName()));
        l.setLastName(Validator.trimToNull(d.lastName()));
        l.setCompanyName(Validator.trimToNull(d.companyName()));
        l.setJobTitle(Validator.trimToNull(d.jobTitle()));
        l.setEmail(ContactPoints.email(d.email()));
        l.setPhone(ContactPoints.phone(d.phone()));
        l.setTaxId(d.taxId() == null || d.taxId().isBlank() ? null : TaxId.of(d.taxId()).value());
        l.setSource(Validator.trimToNull(d.source()) == null ? "other" : d.source().strip());
        l.setCampaignId(d.campaignId());
        l.setStreet(Validator.trimToNull(d.street()));
        l.setCity(Validator.trimToNull(d.city()));
        l.setPostcode(Validator.trimToNull(d.postcode()));
        l.setProvince(Validator.trimToNull(d.province()));
        l.setCountry(d.country() == null ? "ES" : d.country());
        l.setLanguage(d.language() == null ? "es" : d.language());
        l.setCompanySize(d.companySize());
        l.setProductInterest(Validator.trimToNull(d.productInterest()));
        l.setNotes(Validator.trimToNull(d.notes()));
    }
}
