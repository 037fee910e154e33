package dev.cartera.rules;

import dev.cartera.core.Cartera;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.rules.internal.AutomationEngine;
import dev.cartera.rules.internal.AutomationRunner;
import dev.cartera.rules.internal.RotationRecord;
import dev.cartera.rules.internal.RuleCache;
import dev.cartera.rules.internal.RuleExecutionRecord;
import dev.cartera.rules.internal.RuleLeadAssigner;
import dev.cartera.rules.internal.RuleSetRecord;
import dev.cartera.rules.internal.RuleSetVersionRecord;
import dev.cartera.rules.internal.RuleStore;
import dev.cartera.rules.internal.TaskHandoverRecord;
import java.util.List;

/**
 * The rules module on a {@link Cartera}: lead assignment and automation rules stored as data, compiled to DRL,
 * edited live, simulated before they go live. Install it on the builder, then use the built instance:
 *
 * <pre>{@code
 * Cartera.Builder builder = Cartera.builder().dataSource(ds);
 * CarteraRules rules = CarteraRules.install(builder, RulesOptions.defaults());
 * Cartera crm = builder.build();
 * rules.ruleSets().activate(rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, content, null, "first try").id());
 * // a scheduler, every few minutes, per tenant:
 * rules.runTimers("firm-42");
 * }</pre>
 */
public final class CarteraRules {
    private final RulesOptions options;
    private final RuleStore store = new RuleStore(new RuleCache());
    private final RuleLeadAssigner assigner = new RuleLeadAssigner(store);
    private volatile AutomationRunner automation;
    private volatile RuleSetService ruleSets;
    private volatile RuleSimulator simulator;
    private volatile AbsenceService absences;

    private CarteraRules(RulesOptions options) {
        this.options = options;
    }

    /** Registers the rule entities, the lead assigner and the event listener on the builder. */
    public static CarteraRules install(Cartera.Builder builder, RulesOptions options) {
        CarteraRules rules = new CarteraRules(options);
        builder.entityClasses(entityClasses().toArray(new Class<?>[0]))
                .leadAssigner(rules.assigner)
                .onEvent(rules::onEvent)
                .onStart(rules::bind);
        return rules;
    }

    public static CarteraRules install(Cartera.Builder builder) {
        return install(builder, RulesOptions.defaults());
    }

    /** The JPA entities of this module (their tables are in Cartera's migrations). */
    public static List<Class<?>> entityClasses() {
        return List.of(RuleSetRecord.class, RuleSetVersionRecord.class, RotationRecord.class, RuleExecutionRecord.class,
                TaskHandoverRecord.class);
    }

    private void bind(Cartera crm) {
        this.automation = new AutomationRunner(crm, store, options);
        this.ruleSets = new RuleSetService(crm.transactions(), store, options, crm.meterRegistry());
        this.simulator = new RuleSimulator(crm.transactions(), store, new AutomationEngine(crm), ruleSets);
        this.absences = new AbsenceService(crm.transactions(), store, automation, crm.mailer());
        assigner.bindMetrics(crm.meterRegistry());
    }

    public RuleSetService ruleSets() {
        return started(ruleSets);
    }

    public RuleSimulator simulator() {
        return started(simulator);
    }

    public AbsenceService absences() {
        return started(absences);
    }

    /** Runs the live automation rules for an event; registered as a listener by {@link #install}. */
    public void onEvent(CrmEvent event) {
        AutomationRunner runner = automation;
        if (runner != null) {
            runner.onEvent(event);
        }
    }

    /**
     * Checks the tenant's timer rules once (stuck deals, customers not contacted, overdue tasks, absences that
     * began, quotes expiring soon or unanswered). Idempotent: a rule acts once per record and situation, however often this runs. A scheduler calls it.
     */
    public TimerReport runTimers(String tenantId) {
        return started(automation).runTimers(tenantId);
    }

    private <T> T started(T service) {
        if (service == null) {
            throw new IllegalStateException("build the Cartera this CarteraRules was installed on first");
        }
        return service;
    }
}
