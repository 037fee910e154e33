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
import dev.cartera.core.common.CrmException;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.DuplicateException;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.lead.internal.LeadRows;
import dev.cartera.core.persistence.BulkCopy;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Leads from registration to conversion (KD-2): create, edit, search, work through statuses, convert. */
public final class LeadService {
    private final Transactions tx;
    private final DuplicateCheck duplicateCheck;

    public LeadService(Transactions tx) {
        this(tx, DuplicateCheck.OFF);
    }

    public LeadService(Transactions tx, DuplicateCheck duplicateCheck) {
        this.tx = tx;
        this.duplicateCheck = Objects.requireNonNull(duplicateCheck);
    }

    /** Creates a lead; with the duplicate check on BLOCK, refuses one that has likely duplicates. */
    public LeadView create(LeadDraft draft) {
        return create(draft, false);
    }

    /** Creates a lead; {@code allowDuplicates} is the caller's explicit override of a BLOCK check. */
    public LeadView create(LeadDraft draft, boolean allowDuplicates) {
        return createChecked(draft, allowDuplicates).lead();
    }

    /** Creates a lead and returns the likely duplicates found (WARN), or refuses (BLOCK, without override). */
    public LeadCreation createChecked(LeadDraft draft, boolean allowDuplicates) {
        Validator.valid(draft);
        return tx.write(work -> {
            List<DuplicateCandidate> duplicates = duplicateCheck == DuplicateCheck.OFF ? List.of()
                    : DuplicateService.candidates(work, draft.probe(), 10);
            if (duplicateCheck == DuplicateCheck.BLOCK && !allowDuplicates && !duplicates.isEmpty()) {
                throw new DuplicateException(duplicates);
            }
            return new LeadCreation(LeadView.of(newLead(work, draft)), duplicates);
        });
    }

    /** Likely duplicates of a lead being typed, for the form's warning. */
    public List<DuplicateCandidate> duplicates(LeadDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return tx.read(work -> DuplicateService.candidates(work, draft.probe(), 10));
    }

    /** Creates a lead inside a running unit of work (imports, web forms, rules). */
    public static Lead newLead(UnitOfWork work, LeadDraft draft) {
        Validator.valid(draft);
        Lead lead = prepareNewLead(work, draft);
        work.em().persist(lead);
        work.extension(LeadAssigner.class).ifPresent(assigner -> assigner.stored(work, List.of(lead)));
        work.audit("CREATE", RecordType.LEAD, lead.getId(), lead.getSource());
        work.publish(created(work, lead));
        return lead;
    }

    /**
     * A new lead exactly as {@link #newLead} makes it — fields normalised, CREATE checked, owner chosen by the
     * tenant's {@link LeadAssigner} or checked for ASSIGN — but not stored: bulk writers collect many and store
     * them with {@link #storeNewLeads}. The draft must have passed {@link Validator#valid} already (an import's
     * row mapper validates every row to report its problems; validating twice would only cost time).
     */
    public static Lead prepareNewLead(UnitOfWork work, LeadDraft draft) {
        return prepareNewLead(work, draft, normalisedLead(draft));
    }

    /**
     * The lead a draft makes, its fields normalised as {@link #newLead} stores them (e-mail, E.164 phone, tax id,
     * name keys), nothing checked, owned or stored: pure, so a bulk reader can build it on its own thread.
     */
    public static Lead normalisedLead(LeadDraft draft) {
        Lead lead = new Lead();
        lead.setStatus(LeadStatus.NEW);
        apply(draft, lead);
        return lead;
    }

    /**
     * {@link #prepareNewLead(UnitOfWork, LeadDraft)} for a lead {@link #normalisedLead} made from {@code draft}
     * (the bulk path stores it by COPY; an entity persisted once must not be passed again).
     */
    public static Lead prepareNewLead(UnitOfWork work, LeadDraft draft, Lead lead) {
        work.require(Action.CREATE, RecordType.LEAD);
        // Without an owner in the draft, the tenant's assignment rules decide (admin configuration, so no ASSIGN check).
        UUID ruled = draft.ownerId() != null ? null
                : work.extension(LeadAssigner.class).flatMap(assigner -> assigner.assign(work, lead)).orElse(null);
        lead.setOwnerId(ruled != null ? ruled : Owners.resolveNewOwner(work, RecordType.LEAD, draft.ownerId()));
        if (lead.getOwnerId() != null) {
            lead.setAssignedAt(work.now());
        }
        return lead;
    }

    /**
     * Stores leads from {@link #prepareNewLead} with what {@link #newLead} records for each — the CREATE audit
     * entry and a {@link LeadEvents.LeadCreated} published after commit. On PostgreSQL leads and audit entries
     * go in one COPY each, so the leads are not managed entities afterwards; elsewhere they are persisted one by one.
     */
    public static void storeNewLeads(UnitOfWork work, List<Lead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        if (BulkCopy.available(work)) {
            LeadRows.copy(work, leads, "CREATE", leads.stream().map(Lead::getSource).toList());
        } else {
            for (Lead lead : leads) {
                work.em().persist(lead);
                work.audit("CREATE", RecordType.LEAD, lead.getId(), lead.getSource());
            }
        }
        work.extension(LeadAssigner.class).ifPresent(assigner -> assigner.stored(work, leads));
        leads.forEach(lead -> work.publish(created(work, lead)));
    }

    private static LeadEvents.LeadCreated created(UnitOfWork work, Lead lead) {
        return new LeadEvents.LeadCreated(work.tenantId(), work.now(), work.username(), lead.getId(), lead.getSource(), lead.getOwnerId());
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
            applyStatus(work, lead, status, reason);
            return LeadView.of(work.flushed(lead));
        });
    }

    /**
     * Gives many leads one owner, each checked on its own (in scope for UPDATE, owner assignable by the
     * caller); the ones that fail are reported with the reason, the others change.
     */
    public BulkResult bulkAssign(List<UUID> ids, UUID ownerId) {
        return bulk(ids, (work, lead) -> reassign(work, lead, ownerId));
    }

    /** Moves many leads to one status, each checked on its own as {@link #changeStatus} would. */
    public BulkResult bulkChangeStatus(List<UUID> ids, LeadStatus status, String reason) {
        Objects.requireNonNull(status, "status");
        return bulk(ids, (work, lead) -> applyStatus(work, lead, status, reason));
    }

    private BulkResult bulk(List<UUID> ids, java.util.function.BiConsumer<UnitOfWork, Lead> change) {
        if (ids == null || ids.isEmpty() || ids.size() > BulkResult.MAX_IDS) {
            throw ValidationException.of("ids", "bulk.size");
        }
        return tx.write(work -> {
            List<UUID> changed = new ArrayList<>();
            Map<UUID, String> failed = new LinkedHashMap<>();
            for (UUID id : new LinkedHashSet<>(ids)) {
                try {
                    // Every check below throws before the lead is touched, so a refused lead stays as it was.
                    change.accept(work, load(work, id, Action.UPDATE));
                    changed.add(id);
                } catch (CrmException e) {
                    failed.put(id, e.code());
                }
            }
            work.em().flush();
            return new BulkResult(changed, failed);
        });
    }

    private static void applyStatus(UnitOfWork work, Lead lead, LeadStatus status, String reason) {
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
        work.audit("STATUS", RecordType.LEAD, lead.getId(), from + " -> " + status);
        work.publish(new LeadEvents.LeadStatusChanged(work.tenantId(), work.now(), work.username(), lead.getId(), from, status));
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
        l.setCompanyKey(Names.companyKey(l.getCompanyName()));
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
        l.setPersonKey(Names.personKey(l.getFirstName(), l.getLastName()));
    }
}
