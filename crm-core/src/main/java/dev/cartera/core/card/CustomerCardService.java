package dev.cartera.core.card;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.account.Account;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.Contact;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.Stage;
import dev.cartera.core.opportunity.StageChange;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the customer card: one read of everything the caller may see about an account. */
public final class CustomerCardService {
    static final int TIMELINE_LIMIT = 200;

    private final Transactions tx;

    public CustomerCardService(Transactions tx) {
        this.tx = tx;
    }

    public CustomerCard card(UUID accountId) {
        return tx.read(work -> {
            Account account = AccountService.load(work, accountId, Action.READ);
            List<ContactView> contacts = work.em().createQuery(
                    "select c from Contact c where c.accountId = :a order by c.lastName, c.firstName", Contact.class)
                    .setParameter("a", accountId).getResultStream().map(ContactView::of).toList();
            Optional<LeadView> originLead = visible(work, RecordType.LEAD, account.getOriginLeadId(), Lead.class, Lead::getOwnerId)
                    .map(LeadView::of);
            List<OpportunityView> opportunities = opportunities(work, accountId);
            List<ActivityView> activities = activities(work, accountId, account.getOriginLeadId());
            List<ActivityView> openTasks = activities.stream()
                    .filter(a -> a.status() == ActivityStatus.PLANNED && a.dueAt() != null)
                    .sorted(Comparator.comparing(ActivityView::dueAt))
                    .toList();
            List<TimelineItem> timeline = timeline(work, AccountView.of(account), originLead, opportunities, activities);
            return new CustomerCard(AccountView.of(account), contacts, originLead, opportunities, openTasks, timeline);
        });
    }

    private static <E> Optional<E> visible(UnitOfWork work, RecordType type, UUID id, Class<E> entity, Function<E, UUID> owner) {
        if (id == null) {
            return Optional.empty();
        }
        Scope scope = work.require(Action.READ, type);
        E found = work.em().find(entity, id);
        return found != null && work.canReach(scope, owner.apply(found)) ? Optional.of(found) : Optional.empty();
    }

    private static List<OpportunityView> opportunities(UnitOfWork work, UUID accountId) {
        ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.OPPORTUNITY);
        return new SearchQuery<>(Opportunity.class, "o", scope.predicate("o.ownerId"))
                .equal("o.accountId", accountId)
                .list(work.em(), scope, "o.createdAt desc, o.id", 100)
                .stream().map(o -> OpportunityService.view(work, o)).toList();
    }

    private static List<ActivityView> activities(UnitOfWork work, UUID accountId, UUID originLeadId) {
        ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.ACTIVITY);
        SearchQuery<Activity> q = new SearchQuery<>(Activity.class, "a", scope.predicate("a.ownerId"));
        if (originLeadId == null) {
            q.equal("a.accountId", accountId);
        } else {
            q.where("(a.accountId = ? or (a.relatedType = ? and a.relatedId = ?))", accountId, RecordType.LEAD, originLeadId);
        }
        return q.list(work.em(), scope, "a.createdAt desc, a.id", TIMELINE_LIMIT).stream().map(ActivityView::of).toList();
    }

    private static List<TimelineItem> timeline(UnitOfWork work, AccountView account, Optional<LeadView> lead,
            List<OpportunityView> opportunities, List<ActivityView> activities) {
        List<TimelineItem> items = new ArrayList<>();
        lead.ifPresent(l -> items.add(new TimelineItem(l.createdAt(), "lead.created", l.displayName(), l.source(),
                RecordType.LEAD, l.id(), null)));
        items.add(new TimelineItem(account.createdAt(), "account.created", account.name(), null, RecordType.ACCOUNT, account.id(), null));
        for (ActivityView a : activities) {
            items.add(new TimelineItem(a.when(), "activity." + a.type(), a.subject(), a.outcome(), RecordType.ACTIVITY, a.id(), null));
        }
        if (!opportunities.isEmpty()) {
            Map<UUID, OpportunityView> byId = opportunities.stream().collect(Collectors.toMap(OpportunityView::id, Function.identity()));
            Map<UUID, String> stageNames = work.em().createQuery("select s from Stage s", Stage.class).getResultStream()
                    .collect(Collectors.toMap(Stage::getId, Stage::getName));
            work.em().createQuery("select c from StageChange c where c.opportunityId in :ids order by c.changedAt", StageChange.class)
                    .setParameter("ids", byId.keySet())
                    .getResultStream()
                    .forEach(c -> items.add(new TimelineItem(c.getChangedAt(),
                            c.getFromStageId() == null ? "opportunity.created" : "opportunity.stage",
                            byId.get(c.getOpportunityId()).name(), stageNames.get(c.getToStageId()),
                            RecordType.OPPORTUNITY, c.getOpportunityId(), c.getChangedBy())));
        }
        items.sort(Comparator.comparing(TimelineItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return items.size() > TIMELINE_LIMIT ? List.copyOf(items.subList(0, TIMELINE_LIMIT)) : List.copyOf(items);
    }
}
