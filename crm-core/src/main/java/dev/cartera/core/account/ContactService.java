package dev.cartera.core.account;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
import java.util.UUID;

/** Contact persons, usually at an account. A contact on an account is owned by the account's owner unless set. */
public final class ContactService {
    private final Transactions tx;

    public ContactService(Transactions tx) {
        this.tx = tx;
    }

    public ContactView create(ContactDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> ContactView.of(newContact(work, draft, null)));
    }

    /** Creates a contact inside a running unit of work; {@code originLeadId} keeps where it came from. */
    public static Contact newContact(UnitOfWork work, ContactDraft draft, UUID originLeadId) {
        Validator.valid(draft);
        work.require(Action.CREATE, RecordType.CONTACT);
        UUID requestedOwner = draft.ownerId();
        if (draft.accountId() != null) {
            Account account = AccountService.load(work, draft.accountId(), Action.READ);
            if (requestedOwner == null) {
                requestedOwner = account.getOwnerId();
            }
        }
        Contact contact = new Contact();
        contact.setOwnerId(Owners.resolveNewOwner(work, RecordType.CONTACT, requestedOwner));
        contact.setAccountId(draft.accountId());
        contact.setOriginLeadId(originLeadId);
        apply(draft, contact);
        work.em().persist(contact);
        work.audit("CREATE", RecordType.CONTACT, contact.getId(), contact.getLastName());
        work.publish(new AccountEvents.ContactCreated(work.tenantId(), work.now(), work.username(), contact.getId(), contact.getAccountId()));
        return contact;
    }

    public ContactView update(UUID id, Long expectedVersion, ContactDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Contact contact = load(work, id, Action.UPDATE);
            contact.checkVersion(expectedVersion);
            if (draft.accountId() != null && !draft.accountId().equals(contact.getAccountId())) {
                AccountService.load(work, draft.accountId(), Action.READ);
            }
            if (draft.ownerId() != null && !draft.ownerId().equals(contact.getOwnerId())) {
                contact.setOwnerId(Owners.resolveReassignment(work, RecordType.CONTACT, draft.ownerId()));
            }
            contact.setAccountId(draft.accountId());
            apply(draft, contact);
            work.audit("UPDATE", RecordType.CONTACT, id, contact.getLastName());
            work.publish(new AccountEvents.ContactUpdated(work.tenantId(), work.now(), work.username(), id));
            return ContactView.of(work.flushed(contact));
        });
    }

    public ContactView get(UUID id) {
        return tx.read(work -> ContactView.of(load(work, id, Action.READ)));
    }

    public List<ContactView> ofAccount(UUID accountId) {
        return tx.read(work -> {
            AccountService.load(work, accountId, Action.READ);
            return work.em().createQuery("select c from Contact c where c.accountId = :account order by c.lastName, c.firstName", Contact.class)
                    .setParameter("account", accountId)
                    .getResultStream().map(ContactView::of).toList();
        });
    }

    public Page<ContactView> search(String text, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.CONTACT);
            return new SearchQuery<>(Contact.class, "c", scope.predicate("c.ownerId"))
                    .text(text, "c.firstName", "c.lastName", "c.email", "c.phone", "c.mobile")
                    .page(work.em(), scope, "c.lastName, c.firstName, c.id", page)
                    .map(ContactView::of);
        });
    }

    public static Contact load(UnitOfWork work, UUID id, Action action) {
        return work.load(Contact.class, RecordType.CONTACT, id, action, Contact::getOwnerId);
    }

    private static void apply(ContactDraft d, Contact c) {
        c.setFirstName(Validator.trimToNull(d.firstName()));
        c.setLastName(d.lastName().strip());
        c.setJobTitle(Validator.trimToNull(d.jobTitle()));
        c.setEmail(ContactPoints.email(d.email()));
        c.setPhone(ContactPoints.phone(d.phone()));
        c.setMobile(ContactPoints.phone(d.mobile()));
        c.setLanguage(d.language() == null ? "es" : d.language());
        c.setNotes(Validator.trimToNull(d.notes()));
        c.setPersonKey(Names.personKey(c.getFirstName(), c.getLastName()));
    }
}
