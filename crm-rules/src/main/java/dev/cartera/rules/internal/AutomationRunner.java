package dev.cartera.rules.internal;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.Account;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentEvents;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.lead.LeadEvents;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityEvents;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.Stage;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.quote.Quote;
import dev.cartera.core.quote.QuoteEvents;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.team.CrmUser;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.PlannedAction;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.RuleAction;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.RulesOptions;
import dev.cartera.rules.TimerReport;
import dev.cartera.rules.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the tenant's live automation rules on CRM events, on timers, and on absences. */
public final class AutomationRunner {
    private static final Logger log = LoggerFactory.getLogger(AutomationRunner.class);

    private final Cartera cartera;
    private final RuleStore store;
    private final RulesOptions options;
    private final AutomationEngine engine;

    public AutomationRunner(Cartera cartera, RuleStore store, RulesOptions options) {
        this.cartera = cartera;
        this.store = store;
        this.options = options;
        this.engine = new AutomationEngine(cartera);
    }

    private record Triggered(Trigger trigger, UUID recordId) {
    }

    private static Optional<Triggered> triggerOf(CrmEvent event) {
        Triggered t = null;
        if (event instanceof LeadEvents.LeadCreated e) {
            t = new Triggered(Trigger.LEAD_CREATED, e.leadId());
        } else if (event instanceof LeadEvents.LeadAssigned e) {
            t = new Triggered(Trigger.LEAD_ASSIGNED, e.leadId());
        } else if (event instanceof LeadEvents.LeadStatusChanged e) {
            t = new Triggered(Trigger.LEAD_STATUS_CHANGED, e.leadId());
        } else if (event instanceof LeadEvents.LeadConverted e) {
            t = new Triggered(Trigger.LEAD_CONVERTED, e.leadId());
        } else if (event instanceof OpportunityEvents.OpportunityCreated e) {
            t = new Triggered(Trigger.OPPORTUNITY_CREATED, e.opportunityId());
        } else if (event instanceof OpportunityEvents.OpportunityStageChanged e) {
            t = new Triggered(Trigger.OPPORTUNITY_STAGE_CHANGED, e.opportunityId());
        } else if (event instanceof OpportunityEvents.OpportunityWon e) {
            t = new Triggered(Trigger.OPPORTUNITY_WON, e.opportunityId());
        } else if (event instanceof OpportunityEvents.OpportunityLost e) {
            t = new Triggered(Trigger.OPPORTUNITY_LOST, e.opportunityId());
        } else if (event instanceof QuoteEvents.QuoteSent e) {
            t = new Triggered(Trigger.QUOTE_SENT, e.quoteId());
        } else if (event instanceof QuoteEvents.QuoteAccepted e) {
            t = new Triggered(Trigger.QUOTE_ACCEPTED, e.quoteId());
        } else if (event instanceof QuoteEvents.QuoteRejected e) {
            t = new Triggered(Trigger.QUOTE_REJECTED, e.quoteId());
        } else if (event instanceof QuoteEvents.QuoteExpired e) {
            t = new Triggered(Trigger.QUOTE_EXPIRED, e.quoteId());
        } else if (event instanceof DocumentEvents.DocumentAdded e && e.providedByCustomer()) {
            // Only the customer upload link stores documents "provided by the customer".
            t = new Triggered(Trigger.DOCUMENT_UPLOADED_BY_CUSTOMER, e.documentId());
        }
        return Optional.ofNullable(t);
    }

    /** The event listener: finds the trigger, runs every matching rule once, then sends the collected e-mails. */
    public void onEvent(CrmEvent event) {
        Optional<Triggered> triggered = triggerOf(event);
        if (triggered.isEmpty() || !mayRun(event.tenantId(), triggered.get().trigger())) {
            return;
        }
        if (!ChainGuard.enter(options.maxChainDepth())) {
            log.warn("Automation chain deeper than {} stopped at {} on {}", options.maxChainDepth(),
                    triggered.get().trigger(), triggered.get().recordId());
            return;
        }
        try {
            List<Mailer.Message> mails = new ArrayList<>();
            cartera.transactions().asSystem(event.tenantId(), work -> {
                Optional<CompiledRuleSet> rules = store.active(work, RuleSetKind.AUTOMATION);
                if (rules.isEmpty()) {
                    return null;
                }
                Facts.Subject subject = Facts.subject(work.em(), triggered.get().trigger(), triggered.get().recordId(), work.now());
                if (subject == null) {
                    return null;
                }
                AssignmentContext ctx = new AssignmentContext(work.em(), LocalDate.now(work.clock()), false);
                for (int i : rules.get().match(subject.fact())) {
                    String key = rules.get().versionId() + ":" + i + ":" + subject.target().recordId();
                    if (ChainGuard.firstTime(key)) {
                        engine.apply(work, rules.get(), i, subject, ctx, work.now(), mails, new ArrayList<>(), null);
                    }
                }
                return null;
            });
            mails.forEach(cartera.mailer()::send);
        } finally {
            ChainGuard.exit();
        }
    }

    /** Cheap pre-check without a transaction: does the tenant's live automation (if warm here) use this trigger at all? */
    private boolean mayRun(String tenantId, Trigger trigger) {
        Optional<UUID> live = store.liveVersionId(tenantId, RuleSetKind.AUTOMATION, () -> cartera.transactions().asSystem(tenantId,
                work -> store.ruleSet(work, RuleSetKind.AUTOMATION).map(RuleSetRecord::getActiveVersionId)));
        if (live.isEmpty()) {
            return false;
        }
        return store.warm(tenantId, live.get())
                .map(rules -> rules.content().automation().stream().anyMatch(r -> r.trigger() == trigger))
                .orElse(true);
    }

    /**
     * Checks the timer rules of a tenant once: stuck deals, customers not contacted, overdue tasks, absences,
     * quotes expiring soon or unanswered.
     */
    public TimerReport runTimers(String tenantId) {
        List<Mailer.Message> mails = new ArrayList<>();
        int[] checked = {0};
        List<PlannedAction> actions = cartera.transactions().asSystem(tenantId, work -> {
            List<PlannedAction> done = new ArrayList<>();
            Optional<CompiledRuleSet> active = store.active(work, RuleSetKind.AUTOMATION);
            if (active.isEmpty()) {
                return done;
            }
            CompiledRuleSet rules = active.get();
            Instant now = work.now();
            AssignmentContext ctx = new AssignmentContext(work.em(), LocalDate.now(work.clock()), false);
            List<AutomationRule> all = rules.content().automation();
            for (int i = 0; i < all.size(); i++) {
                AutomationRule rule = all.get(i);
                if (!rule.trigger().isTimer()) {
                    continue;
                }
                if (rule.trigger() == Trigger.USER_ABSENT) {
                    for (CrmUser user : absentUsersWithTasks(work, ctx.today())) {
                        checked[0]++;
                        done.addAll(handOver(work, rules, user, ctx, mails));
                    }
                    continue;
                }
                for (Candidate c : candidates(work, rule, now)) {
                    checked[0]++;
                    String key = truncateKey(rule.name() + ":" + c.subject().target().recordId() + ":" + c.stamp());
                    if (!rules.match(c.subject().fact()).contains(i) || alreadyRan(work, key)) {
                        continue;
                    }
                    done.addAll(engine.apply(work, rules, i, c.subject(), ctx, now, mails, new ArrayList<>(), key));
                }
            }
            return done;
        });
        mails.forEach(cartera.mailer()::send);
        return new TimerReport(tenantId, checked[0], actions);
    }

    private record Candidate(Facts.Subject subject, long stamp) {
    }

    private List<Candidate> candidates(UnitOfWork work, AutomationRule rule, Instant now) {
        List<Candidate> out = new ArrayList<>();
        switch (rule.trigger()) {
            case DEAL_STUCK -> {
                for (Object[] row : work.em().createQuery("select o, s from Opportunity o, Stage s where s.id = o.stageId"
                        + " and o.status = :open and o.stageEnteredAt is not null", Object[].class)
                        .setParameter("open", OpportunityStatus.OPEN).getResultList()) {
                    Opportunity o = (Opportunity) row[0];
                    Stage s = (Stage) row[1];
                    Integer limit = rule.days() != null ? rule.days() : s.getTimeLimitDays();
                    if (limit != null && o.getStageEnteredAt().plusSeconds(86_400L * limit).isBefore(now)) {
                        out.add(new Candidate(Facts.opportunity(work.em(), Trigger.DEAL_STUCK, o, s, now), o.getStageEnteredAt().toEpochMilli()));
                    }
                }
            }
            case CUSTOMER_NOT_CONTACTED -> {
                Instant before = now.minusSeconds(86_400L * rule.days());
                for (Account a : work.em().createQuery("select a from Account a where a.customer = true"
                        + " and coalesce(a.lastContactedAt, a.createdAt) < :before", Account.class)
                        .setParameter("before", before).getResultList()) {
                    Instant last = a.getLastContactedAt() != null ? a.getLastContactedAt() : a.getCreatedAt();
                    out.add(new Candidate(Facts.account(work.em(), Trigger.CUSTOMER_NOT_CONTACTED, a, now), last.toEpochMilli()));
                }
            }
            case TASK_OVERDUE -> {
                for (Activity a : work.em().createQuery("select a from Activity a where a.status = :planned and a.dueAt < :now",
                        Activity.class).setParameter("planned", ActivityStatus.PLANNED).setParameter("now", now).getResultList()) {
                    out.add(new Candidate(Facts.activity(work.em(), Trigger.TASK_OVERDUE, a, now), a.getDueAt().toEpochMilli()));
                }
            }
            case QUOTE_EXPIRING -> {
                // Sent and unanswered, last valid day between today and today + days: once per quote and rule.
                LocalDate today = LocalDate.ofInstant(now, QuoteService.ZONE);
                for (Quote q : openQuotes(work).setParameter("from", today).setParameter("to", today.plusDays(rule.days()))
                        .getResultList()) {
                    out.add(new Candidate(Facts.quote(work.em(), Trigger.QUOTE_EXPIRING, q, now), 0));
                }
            }
            case QUOTE_UNANSWERED -> {
                // Sent at least `days` ago, not accepted, rejected or expired (not even past its last day and
                // awaiting the expiry job), and not replaced by a newer version: once per quote and rule.
                LocalDate today = LocalDate.ofInstant(now, QuoteService.ZONE);
                Instant sentBefore = now.minusSeconds(86_400L * rule.days());
                for (Quote q : openQuotes(work).setParameter("from", today).setParameter("to", LocalDate.of(9999, 12, 31))
                        .getResultList()) {
                    if (!q.getSentAt().isAfter(sentBefore)) {
                        out.add(new Candidate(Facts.quote(work.em(), Trigger.QUOTE_UNANSWERED, q, now), 0));
                    }
                }
            }
            default -> {
                // event triggers are not timers
            }
        }
        return out;
    }

    /** Sent or viewed quotes, latest version of their number, valid until a day in [:from, :to]. */
    private static jakarta.persistence.TypedQuery<Quote> openQuotes(UnitOfWork work) {
        return work.em().createQuery("select q from Quote q where q.status in :open and q.sentAt is not null"
                        + " and q.validUntil >= :from and q.validUntil <= :to"
                        + " and not exists (select n.id from Quote n where n.number = q.number and n.versionNo > q.versionNo)"
                        + " order by q.sentAt, q.id", Quote.class)
                .setParameter("open", List.of(QuoteStatus.SENT, QuoteStatus.VIEWED));
    }

    private static boolean alreadyRan(UnitOfWork work, String key) {
        return !work.em().createQuery("select e.id from RuleExecutionRecord e where e.dedupeKey = :k", UUID.class)
                .setParameter("k", key).setMaxResults(1).getResultList().isEmpty();
    }

    private static String truncateKey(String key) {
        return AutomationEngine.truncate(key, 300);
    }

    private static List<CrmUser> absentUsersWithTasks(UnitOfWork work, LocalDate today) {
        return work.em().createQuery("select u from CrmUser u where u.active = true"
                        + " and (u.absentFrom is not null or u.absentUntil is not null)"
                        + " and (u.absentFrom is null or u.absentFrom <= :d) and (u.absentUntil is null or u.absentUntil >= :d)"
                        + " and exists (select a.id from Activity a where a.ownerId = u.id and a.status = :planned and a.dueAt is not null)"
                        + " order by u.username", CrmUser.class)
                .setParameter("d", today).setParameter("planned", ActivityStatus.PLANNED).getResultList();
    }

    /**
     * Hands an absent user's open tasks to colleagues as the USER_ABSENT rules say, one task at a time so
     * round-robin spreads them, and records each handover to offer it back on return. Without such a rule nothing moves.
     */
    public List<PlannedAction> handOver(UnitOfWork work, CompiledRuleSet rules, CrmUser user, AssignmentContext ctx,
            List<Mailer.Message> mails) {
        List<PlannedAction> done = new ArrayList<>();
        Facts.Subject subject = Facts.user(Trigger.USER_ABSENT, user, work.now());
        List<Activity> tasks = work.em().createQuery("select a from Activity a where a.ownerId = :u and a.status = :planned"
                        + " and a.dueAt is not null order by a.dueAt, a.id", Activity.class)
                .setParameter("u", user.getId()).setParameter("planned", ActivityStatus.PLANNED).getResultList();
        for (int i : rules.match(subject.fact())) {
            AutomationRule rule = rules.content().automation().get(i);
            if (rule.trigger() != Trigger.USER_ABSENT) {
                continue;
            }
            String name = rules.ruleName(i);
            for (RuleAction action : rule.actions()) {
                if (action.kind() != ActionKind.REASSIGN_TASKS) {
                    continue;
                }
                for (Activity task : tasks) {
                    if (!user.getId().equals(task.getOwnerId())) {
                        continue; // an earlier action of this rule already handed it over
                    }
                    List<Reason> reasons = new ArrayList<>();
                    Optional<AssigneeResolver.Choice> to = AssigneeResolver.resolve(action.assignee(), subject.fact(), ctx, reasons);
                    if (to.isEmpty()) {
                        continue;
                    }
                    task.setOwnerId(to.get().userId());
                    work.audit("ASSIGN", RecordType.ACTIVITY, task.getId(), "absence of " + user.getUsername() + " -> " + to.get().userId());
                    TaskHandoverRecord h = new TaskHandoverRecord();
                    h.setTaskId(task.getId());
                    h.setFromUserId(user.getId());
                    h.setToUserId(to.get().userId());
                    h.setAbsentFrom(user.getAbsentFrom());
                    h.setAbsentUntil(user.getAbsentUntil());
                    h.setHandedAt(work.now());
                    h.setState(HandoverState.HANDED.name());
                    work.em().persist(h);
                    done.add(new PlannedAction(name, ActionKind.REASSIGN_TASKS, Reason.of(ReasonCode.TASK_HANDED_OVER, task.getSubject(),
                            ctx.name(user.getId()), ctx.name(to.get().userId()), to.get().why()), to.get().userId(), task.getDueAt()));
                }
            }
            // Alerts and e-mails of the same rule (e.g. "tell the manager") run once per absence.
            String key = truncateKey(name + ":" + user.getId() + ":" + user.getAbsentFrom() + ":" + user.getAbsentUntil());
            boolean others = rule.actions().stream().anyMatch(a -> a.kind() != ActionKind.REASSIGN_TASKS);
            if (others && !alreadyRan(work, key)) {
                AutomationRule rest = new AutomationRule(rule.name(), rule.trigger(), rule.days(), rule.criteria(),
                        rule.actions().stream().filter(a -> a.kind() != ActionKind.REASSIGN_TASKS).toList());
                done.addAll(engine.apply(work, rules.withRule(i, rest), i, subject, ctx, work.now(), mails, new ArrayList<>(), key));
            }
        }
        return done;
    }
}
