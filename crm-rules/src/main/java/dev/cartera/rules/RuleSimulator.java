package dev.cartera.rules;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.Stage;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.team.CrmUser;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.Validator;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.rules.internal.AssignmentContext;
import dev.cartera.rules.internal.AssignmentEngine;
import dev.cartera.rules.internal.AutomationEngine;
import dev.cartera.rules.internal.CompiledRuleSet;
import dev.cartera.rules.internal.Facts;
import dev.cartera.rules.internal.RecordFact;
import dev.cartera.rules.internal.RuleSetVersionRecord;
import dev.cartera.rules.internal.RuleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rule simulator (B-5): runs a draft or live version over typed-in or real records and reports, per record,
 * which rules matched, what they decided and why — without writing anything. It runs in a read-only unit of work,
 * takes no locks, and keeps its own round-robin turns and loads in memory, so a run over many leads predicts what
 * creating them one after another would do.
 */
public final class RuleSimulator {
    private static final int MAX_RECORDS = 10_000;

    private final Transactions tx;
    private final RuleStore store;
    private final AutomationEngine automation;
    private final RuleSetService ruleSets;

    RuleSimulator(Transactions tx, RuleStore store, AutomationEngine automation, RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
        this.tx = tx;
        this.store = store;
        this.automation = automation;
    }

    /** Who would get each of these typed-in leads, in this order. */
    public SimulationReport assignDrafts(UUID versionId, List<LeadDraft> drafts) {
        limit(drafts.size());
        drafts.forEach(Validator::valid);
        return assign(versionId, work -> {
            List<Labelled> out = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                LeadDraft d = drafts.get(i);
                out.add(new Labelled("#" + (i + 1) + " " + label(d.firstName(), d.lastName(), d.companyName()), Facts.draft(d)));
            }
            return out;
        });
    }

    /** Who would get these existing leads if they arrived now (up to {@code limit}, newest first). */
    public SimulationReport assignExisting(UUID versionId, LeadQuery query, int limit) {
        limit(limit);
        return assign(versionId, work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.LEAD);
            List<Lead> leads = new SearchQuery<>(Lead.class, "l", scope.predicate("l.ownerId"))
                    .text(query.text(), "l.firstName", "l.lastName", "l.companyName", "l.email", "l.phone", "l.taxId", "l.city")
                    .equal("l.status", query.status())
                    .equal("l.source", Validator.trimToNull(query.source()))
                    .equal("l.ownerId", query.ownerId())
                    .list(work.em(), scope, "l.createdAt desc, l.id", limit);
            return leads.stream().map(l -> new Labelled(label(l.getFirstName(), l.getLastName(), l.getCompanyName()),
                    Facts.lead(l, Facts.custom(work.em(), RecordType.LEAD, l.getId())))).toList();
        });
    }

    /** What automation would do with these typed-in records. */
    public SimulationReport automate(UUID versionId, List<SampleRecord> samples) {
        limit(samples.size());
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            CompiledRuleSet rules = compiled(work, versionId, RuleSetKind.AUTOMATION);
            AssignmentContext ctx = new AssignmentContext(work.em(), LocalDate.now(work.clock()), true);
            List<SimulatedRecord> out = new ArrayList<>();
            for (SampleRecord sample : samples) {
                Facts.Subject subject = Facts.sample(sample.trigger(), sample.fields(), sample.ownerId());
                out.add(automateOne(work, rules, sample.label(), subject, ctx, false));
            }
            return new SimulationReport(versionId, RuleSetKind.AUTOMATION, out);
        });
    }

    /** What automation would do if {@code trigger} happened now to these existing records. */
    public SimulationReport automateExisting(UUID versionId, Trigger trigger, List<UUID> recordIds) {
        limit(recordIds.size());
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            CompiledRuleSet rules = compiled(work, versionId, RuleSetKind.AUTOMATION);
            AssignmentContext ctx = new AssignmentContext(work.em(), LocalDate.now(work.clock()), true);
            List<SimulatedRecord> out = new ArrayList<>();
            for (UUID id : recordIds) {
                Facts.Subject subject = Facts.subject(work.em(), trigger, id, work.now());
                if (subject == null) {
                    out.add(new SimulatedRecord(String.valueOf(id), id, List.of(), null, null, null, List.of(),
                            List.of(Reason.of(ReasonCode.NO_SUCH_RECORD, trigger.recordType()))));
                } else {
                    out.add(automateOne(work, rules, subject.target().name(), subject, ctx, true));
                }
            }
            return new SimulationReport(versionId, RuleSetKind.AUTOMATION, out);
        });
    }

    private SimulatedRecord automateOne(UnitOfWork work, CompiledRuleSet rules, String label, Facts.Subject subject,
            AssignmentContext ctx, boolean real) {
        List<Integer> matched = rules.match(subject.fact());
        List<Reason> reasons = new ArrayList<>();
        List<PlannedAction> actions = new ArrayList<>();
        for (int i : matched) {
            Optional<Reason> notDue = real ? notDue(work, rules.content().automation().get(i), subject, ctx.today()) : Optional.empty();
            if (notDue.isPresent()) {
                reasons.add(Reason.of(ReasonCode.TIMER_NOT_DUE, rules.ruleName(i), notDue.get()));
                continue;
            }
            actions.addAll(automation.apply(null, rules, i, subject, ctx, work.now(), null, reasons, null));
        }
        if (matched.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.NO_RULE_MATCHED, subject.fact().getTrigger()));
        }
        return new SimulatedRecord(label, subject.target().recordId(), matched.stream().map(rules::ruleName).toList(), null, null,
                null, actions, reasons);
    }

    /**
     * Why a timer rule would not act on this real record now (the same conditions {@code runTimers} applies), or
     * empty. Event rules are always due, and typed-in samples are taken as given.
     */
    static Optional<Reason> notDue(UnitOfWork work, AutomationRule rule, Facts.Subject subject, LocalDate today) {
        RecordFact fact = subject.fact();
        Instant now = work.now();
        UUID id = subject.target().recordId();
        switch (rule.trigger()) {
            case QUOTE_EXPIRING, QUOTE_UNANSWERED -> {
                return quoteNotDue(rule, fact);
            }
            case DEAL_STUCK -> {
                Opportunity o = work.em().find(Opportunity.class, id);
                if (o.getStatus() != OpportunityStatus.OPEN) {
                    return Optional.of(Reason.of(ReasonCode.DEAL_NOT_OPEN, o.getStatus()));
                }
                Stage stage = o.getStageId() == null ? null : work.em().find(Stage.class, o.getStageId());
                Integer limit = rule.days() != null ? rule.days() : stage == null ? null : stage.getTimeLimitDays();
                if (limit == null || o.getStageEnteredAt() == null) {
                    return Optional.of(Reason.of(ReasonCode.STAGE_WITHOUT_TIME_LIMIT));
                }
                if (!o.getStageEnteredAt().plusSeconds(86_400L * limit).isBefore(now)) {
                    return Optional.of(Reason.of(ReasonCode.DEAL_NOT_STUCK_YET, Duration.between(o.getStageEnteredAt(), now).toDays(), limit));
                }
                return Optional.empty();
            }
            case CUSTOMER_NOT_CONTACTED -> {
                Account a = work.em().find(Account.class, id);
                if (!a.isCustomer()) {
                    return Optional.of(Reason.of(ReasonCode.ACCOUNT_NOT_CUSTOMER));
                }
                Instant last = a.getLastContactedAt() != null ? a.getLastContactedAt() : a.getCreatedAt();
                if (last != null && !last.isBefore(now.minusSeconds(86_400L * rule.days()))) {
                    return Optional.of(Reason.of(ReasonCode.CUSTOMER_CONTACTED_RECENTLY, Duration.between(last, now).toDays(), rule.days()));
                }
                return Optional.empty();
            }
            case TASK_OVERDUE -> {
                Activity a = work.em().find(Activity.class, id);
                if (a.getStatus() != ActivityStatus.PLANNED) {
                    return Optional.of(Reason.of(ReasonCode.TASK_NOT_OPEN, a.getStatus()));
                }
                if (a.getDueAt() == null) {
                    return Optional.of(Reason.of(ReasonCode.TASK_WITHOUT_DUE_DATE));
                }
                if (!a.getDueAt().isBefore(now)) {
                    return Optional.of(Reason.of(ReasonCode.TASK_NOT_OVERDUE_YET, a.getDueAt()));
                }
                return Optional.empty();
            }
            case USER_ABSENT -> {
                CrmUser u = work.em().find(CrmUser.class, id);
                boolean absent = u.isActive() && (u.getAbsentFrom() != null || u.getAbsentUntil() != null)
                        && (u.getAbsentFrom() == null || !u.getAbsentFrom().isAfter(today))
                        && (u.getAbsentUntil() == null || !u.getAbsentUntil().isBefore(today));
                return absent ? Optional.empty() : Optional.of(Reason.of(ReasonCode.USER_NOT_ABSENT));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Reason> quoteNotDue(AutomationRule rule, RecordFact fact) {
        String status = fact.value("status");
        if (!"SENT".equals(status) && !"VIEWED".equals(status)) {
            return Optional.of(Reason.of(ReasonCode.QUOTE_NOT_AWAITING_ANSWER, status == null ? null : QuoteStatus.valueOf(status)));
        }
        LocalDate validUntil = fact.value("validUntil") == null ? null : LocalDate.parse(fact.value("validUntil"));
        long daysLeft = fact.value("daysLeft") == null ? 0 : Long.parseLong(fact.value("daysLeft"));
        if (daysLeft < 0) {
            return Optional.of(Reason.of(ReasonCode.QUOTE_VALIDITY_PASSED, validUntil));
        }
        if (rule.trigger() == Trigger.QUOTE_EXPIRING && daysLeft > rule.days()) {
            return Optional.of(Reason.of(ReasonCode.QUOTE_NOT_EXPIRING_YET, daysLeft, rule.days(), validUntil));
        }
        long sinceSent = fact.value("days") == null ? 0 : Long.parseLong(fact.value("days"));
        if (rule.trigger() == Trigger.QUOTE_UNANSWERED && sinceSent < rule.days()) {
            return Optional.of(Reason.of(ReasonCode.QUOTE_ANSWER_NOT_OVERDUE, sinceSent, rule.days()));
        }
        return Optional.empty();
    }

    private record Labelled(String label, RecordFact fact) {
    }

    private SimulationReport assign(UUID versionId, Function<UnitOfWork, List<Labelled>> records) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            CompiledRuleSet rules = compiled(work, versionId, RuleSetKind.ASSIGNMENT);
            AssignmentContext ctx = new AssignmentContext(work.em(), LocalDate.now(work.clock()), true);
            List<Labelled> facts = records.apply(work);
            rules.matchAll(facts.stream().map(Labelled::fact).toList());
            List<SimulatedRecord> out = new ArrayList<>();
            for (Labelled l : facts) {
                AssignmentEngine.Decision d = AssignmentEngine.decide(rules, l.fact(), l.fact().matches(), ctx);
                out.add(new SimulatedRecord(l.label(), l.fact().getRecordId(), d.matched().stream().map(rules::ruleName).toList(),
                        d.decidedBy() == null ? null : rules.ruleName(d.decidedBy()), d.userId(),
                        d.userId() == null ? null : ctx.username(d.userId()), List.of(), d.reasons()));
            }
            return new SimulationReport(versionId, RuleSetKind.ASSIGNMENT, out);
        });
    }

    private CompiledRuleSet compiled(UnitOfWork work, UUID versionId, RuleSetKind expected) {
        RuleSetVersionRecord v = RuleSetService.load(work, versionId);
        RuleSetKind kind = RuleSetService.kindOf(work, v);
        if (kind != expected) {
            throw dev.cartera.core.common.ValidationException.of("versionId", "rules.simulate.wrong-kind");
        }
        // Drafts change until activated: compile them fresh. Active and archived versions never change: use the cache.
        return VersionStatus.DRAFT.name().equals(v.getStatus()) ? ruleSets.compile(work, v)
                : store.compiled(work, kind, v);
    }

    private static void limit(int n) {
        if (n > MAX_RECORDS) {
            throw dev.cartera.core.common.ValidationException.of("records", "rules.simulate.too-many");
        }
    }

    private static String label(String first, String last, String company) {
        String person = ((first == null ? "" : first + " ") + (last == null ? "" : last)).strip();
        return company == null ? person : person.isEmpty() ? company : person + " (" + company + ")";
    }
}
