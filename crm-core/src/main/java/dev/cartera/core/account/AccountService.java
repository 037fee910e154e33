package dev.cartera.core.account;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.DuplicateException;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Customers, suppliers and partners: one directory of counterparties, scoped by owner. */
public final class AccountService {
    private final Transactions tx;
    private final DuplicateCheck duplicateCheck;

    public AccountService(Transactions tx) {
        this(tx, DuplicateCheck.OFF);
    }

    public AccountService(Transactions tx, DuplicateCheck duplicateCheck) {
        this.tx = tx;
        this.duplicateCheck = Objects.requireNonNull(duplicateCheck);
    }

    /** Creates an account; with the duplicate check on BLOCK, refuses one that has likely duplicates. */
    public AccountView create(AccountDraft draft) {
        return create(draft, false);
    }

    /** Creates an account; {@code allowDuplicates} is the caller's explicit override of a BLOCK check. */
    public AccountView create(AccountDraft draft, boolean allowDuplicates) {
        Validator.valid(draft);
        return tx.write(work -> {
            if (duplicateCheck == DuplicateCheck.BLOCK && !allowDuplicates) {
                List<DuplicateCandidate> found = DuplicateService.candidates(work, draft.probe(), 10);
                if (!found.isEmpty()) {
                    throw new DuplicateException(found);
                }
            }
            Account account = newAccount(work, draft);
            return AccountView.of(account);
        });
    }

    /** Likely duplicates of an account being typed, for the form's warning. */
    public List<DuplicateCandidate> duplicates(AccountDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return tx.read(work -> DuplicateService.candidates(work, draft.probe(), 10));
    }

    /** Creates an account inside a running unit of work (lead conversion, imports). */
    public static Account newAccount(UnitOfWork work, AccountDraft draft) {
        Validator.valid(draft);
        work.require(Action.CREATE, RecordType.ACCOUNT);
        Account account = new Account();
        account.setOwnerId(Owners.resolveNewOwner(work, RecordType.ACCOUNT, draft.ownerId()));
        apply(draft, account);
        work.em().persist(account);
        work.audit("CREATE", RecordType.ACCOUNT, account.getId(), account.getName());
        work.publish(new AccountEvents.AccountCreated(work.tenantId(), work.now(), work.username(), account.getId(), account.getOwnerId()));
        return account;
    }

    public AccountView update(UUID id, Long expectedVersion, AccountDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Account account = load(work, id, Action.UPDATE);
            account.checkVersion(expectedVersion);
            if (draft.ownerId() != null && !draft.ownerId().equals(account.getOwnerId())) {
                account.setOwnerId(Owners.resolveReassignment(work, RecordType.ACCOUNT, draft.ownerId()));
            }
            apply(draft, account);
            work.audit("UPDATE", RecordType.ACCOUNT, id, account.getName());
            work.publish(new AccountEvents.AccountUpdated(work.tenantId(), work.now(), work.username(), id));
            return AccountView.of(work.flushed(account));
        });
    }

    public AccountView get(UUID id) {
        return tx.read(work -> AccountView.of(load(work, id, Action.READ)));
    }

    public Page<AccountView> search(AccountQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.ACCOUNT);
            SearchQuery<Account> q = new SearchQuery<>(Account.class, "a", scope.predicate("a.ownerId"));
            q.text(query.text(), "a.name", "a.legalName", "a.email", "a.taxId", "a.city", "a.phone");
            q.equal("a.ownerId", query.ownerId());
            if ("customer".equalsIgnoreCase(query.role())) {
                q.where("a.customer = true");
            } else if ("supplier".equalsIgnoreCase(query.role())) {
                q.where("a.supplier = true");
            } else if ("partner".equalsIgnoreCase(query.role())) {
                q.where("a.partner = true");
            }
            return q.page(work.em(), scope, "a.name, a.id", page).map(AccountView::of);
        });
    }

    public static Account load(UnitOfWork work, UUID id, Action action) {
        return work.load(Account.class, RecordType.ACCOUNT, id, action, Account::getOwnerId);
    }

    private static void apply(AccountDraft d, Account a) {
        a.setKind(d.kind() == null ? AccountKind.COMPANY : d.kind());
        a.setName(d.name().strip());
        a.setNameKey(a.getKind() == AccountKind.COMPANY ? Names.companyKey(a.getName()) : Names.personKey(null, a.getName()));
        a.setLegalName(Validator.trimToNull(d.legalName()));
        a.setTaxId(d.taxId() == null || d.taxId().isBlank() ? null : TaxId.of(d.taxId()).value());
        a.setEmail(ContactPoints.email(d.email()));
        a.setPhone(ContactPoints.phone(d.phone()));
        a.setWebsite(Validator.trimToNull(d.website()));
        a.setStreet(Validator.trimToNull(d.street()));
        a.setCity(Validator.trimToNull(d.city()));
        a.setPostcode(Validator.trimToNull(d.postcode()));
        a.setProvince(Validator.trimToNull(d.province()));
        a.setCountry(d.country() == null ? "ES" : d.country());
        a.setIndustry(Validator.trimToNull(d.industry()));
        a.setEmployees(d.employees());
        a.setCustomer(d.customer() == null || d.customer());
        a.setSupplier(Boolean.TRUE.equals(d.supplier()));
        a.setPartner(Boolean.TRUE.equals(d.partner()));
        a.setSource(Validator.trimToNull(d.source()));
        a.setSegment(Validator.trimToNull(d.segment()));
        a.setNotes(Validator.trimToNull(d.notes()));
    }
}
