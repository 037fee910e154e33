package dev.cartera.rules.internal;

import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadAssigner;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.rules.RuleSetKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Core's hook for new leads without an owner: runs the tenant's live assignment rules in the creating unit of
 * work (so a round-robin turn is taken only if the lead is stored) and logs which rule decided.
 */
public final class RuleLeadAssigner implements LeadAssigner {
    private final RuleStore store;
    private record Bound(WeakReference<UnitOfWork> unit, AssignmentContext context) {
    }

    private final ThreadLocal<Bound> current = new ThreadLocal<>();
    private volatile Counter assigned;
    private volatile Counter undecided;

    public RuleLeadAssigner(RuleStore store) {
        this.store = store;
    }

    public void bindMetrics(MeterRegistry meters) {
        this.assigned = Counter.builder("cartera.rules.assignments").tag("outcome", "assigned").register(meters);
        this.undecided = Counter.builder("cartera.rules.assignments").tag("outcome", "undecided").register(meters);
    }

    @Override
    public Optional<UUID> assign(UnitOfWork work, Lead lead) {
        Optional<CompiledRuleSet> active = store.active(work, RuleSetKind.ASSIGNMENT);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        CompiledRuleSet rules = active.get();
        RecordFact fact = Facts.lead(lead, Map.of());
        AssignmentContext context = context(work);
        AssignmentEngine.Decision d = AssignmentEngine.decide(rules, fact, context);
        if (d.userId() == null) {
            count(undecided);
            return Optional.empty();
        }
        context.assigned(lead, d.userId());
        count(assigned);
        RuleExecutionRecord log = new RuleExecutionRecord();
        log.setKind(RuleSetKind.ASSIGNMENT.name());
        log.setRuleSetId(rules.ruleSetId());
        log.setVersionId(rules.versionId());
        log.setRuleName(AutomationEngine.truncate(rules.ruleName(d.decidedBy()), 200));
        log.setRecordType("LEAD");
        log.setRecordId(lead.getId());
        log.setUserId(d.userId());
        log.setOutcome(ReasonCodec.write(List.of(d.reasons().get(d.reasons().size() - 1)), 2000));
        log.setExecutedAt(work.now());
        work.em().persist(log);
        return Optional.of(d.userId());
    }

    @Override
    public void stored(UnitOfWork work, List<Lead> leads) {
        Bound bound = current.get();
        if (bound != null && bound.unit().get() == work) {
            bound.context().stored(leads);
        }
    }

    /**
     * One context per unit of work, so an import that creates many leads in one transaction keeps their order for
     * returning-customer decisions (they share a timestamp) and reads users once. Units are bound to their thread.
     */
    private AssignmentContext context(UnitOfWork work) {
        Bound bound = current.get();
        if (bound == null || bound.unit().get() != work) {
            bound = new Bound(new WeakReference<>(work), new AssignmentContext(work.em(), LocalDate.now(work.clock()), false));
            current.set(bound);
        }
        return bound.context();
    }

    private static void count(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
