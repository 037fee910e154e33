package dev.cartera.rules;

import dev.cartera.core.access.Action;
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
                            List.of("no such " + trigger.recordType().name().toLowerCase())));
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
        List<String> reasons = new ArrayList<>();
        List<PlannedAction> actions = new ArrayList<>();
        for (int i : matched) {
            Optional<String> notDue = real ? notDue(rules.content().automation().get(i), subject.fact()) : Optional.empty();
            if (notDue.isPresent()) {
                reasons.add("rule '" + rules.ruleName(i) + "' matches but its timer is not due: " + notDue.get());
                continue;
            }
            actions.addAll(automation.apply(null, rules, i, subject, ctx, work.now(), null, reasons, null));
        }
        if (matched.isEmpty()) {
            reasons.add("no rule matched " + subject.fact().getTrigger());
        }
        return new SimulatedRecord(label, subject.target().recordId(), matched.stream().map(rules::ruleName).toList(), null, null,
                null, actions, reasons);
    }

    /**
     * Why a quote timer would not act on this real quote now (the same conditions {@code runTimers} applies), or
     * empty. Typed-in samples are taken as given.
     */
    static Optional<String> notDue(AutomationRule rule, RecordFact fact) {
        if (rule.trigger() != Trigger.QUOTE_UNANSWERED && rule.trigger() != Trigger.QUOTE_EXPIRING) {
            return Optional.empty();
        }
        String status = fact.value("status");
        if (!"SENT".equals(status) && !"VIEWED".equals(status)) {
            return Optional.of("the quote is " + status + ", not awaiting an answer");
        }
        long daysLeft = fact.value("daysLeft") == null ? 0 : Long.parseLong(fact.value("daysLeft"));
        if (daysLeft < 0) {
            return Optional.of("its last valid day has passed");
        }
        if (rule.trigger() == Trigger.QUOTE_EXPIRING && daysLeft > rule.days()) {
            return Optional.of(daysLeft + " days of validity left, the rule warns at " + rule.days());
        }
        long sinceSent = fact.value("days") == null ? 0 : Long.parseLong(fact.value("days"));
        if (rule.trigger() == Trigger.QUOTE_UNANSWERED && sinceSent < rule.days()) {
            return Optional.of("sent " + sinceSent + " days ago, the rule waits " + rule.days());
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
