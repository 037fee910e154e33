package dev.cartera.core.records;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.UUID;

/**
 * The records other records hang off (activities, documents, alerts): accounts, contacts, leads and
 * deals. Checks that the caller can reach one and finds the customer it belongs to.
 */
public final class Records {
    private Records() {
    }

    /** Fails with NotFound unless the caller may read the record; returns its account id (or null). */
    public static UUID accountOf(UnitOfWork work, RecordType type, UUID id) {
        return switch (type) {
            case ACCOUNT -> AccountService.load(work, id, Action.READ).getId();
            case CONTACT -> ContactService.load(work, id, Action.READ).getAccountId();
            case LEAD -> LeadService.load(work, id, Action.READ).getConvertedAccountId();
            case OPPORTUNITY -> OpportunityService.load(work, id, Action.READ).getAccountId();
            default -> throw ValidationException.of("relatedType", "record.type.unsupported");
        };
    }

    /** The owner of the customer behind a record, for work done by the system on a customer's behalf. */
    public static UUID ownerOfAccount(UnitOfWork work, UUID accountId) {
        Account account = accountId == null ? null : work.em().find(Account.class, accountId);
        return account == null ? null : account.getOwnerId();
    }
}
