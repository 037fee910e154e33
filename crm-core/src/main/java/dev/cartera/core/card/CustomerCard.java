package dev.cartera.core.card;

import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.OpportunityView;
import java.util.List;
import java.util.Optional;

/** Everything about one customer on one screen (KD-1, X-8): data, people, origin, deals, tasks and history. */
public record CustomerCard(AccountView account, List<ContactView> contacts, Optional<LeadView> originLead,
        List<OpportunityView> opportunities, List<ActivityView> openTasks, List<TimelineItem> timeline) {
}
