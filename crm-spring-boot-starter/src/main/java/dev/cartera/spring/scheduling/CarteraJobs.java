package dev.cartera.spring.scheduling;

import dev.cartera.core.Cartera;
import dev.cartera.rules.CarteraRules;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** The jobs themselves: thin loops over tenants that call the core services. */
public class CarteraJobs {
    private static final Logger log = LoggerFactory.getLogger(CarteraJobs.class);

    private final Cartera cartera;
    private final CarteraRules rules;

    /** {@code rules} may be null when crm-rules is absent or switched off. */
    public CarteraJobs(Cartera cartera, CarteraRules rules) {
        this.cartera = cartera;
        this.rules = rules;
    }

    /** Automation rules' timers: stuck deals, customers not contacted, overdue tasks, absences. */
    @Scheduled(initialDelayString = "${cartera.scheduling.initial-delay:PT1M}", fixedDelayString = "${cartera.scheduling.rules-every:PT5M}")
    @SchedulerLock(name = "cartera-rule-timers")
    public void runRuleTimers() {
        if (rules == null) {
            return;
        }
        for (String tenant : cartera.tenants()) {
            try {
                rules.runTimers(tenant);
            } catch (RuntimeException e) {
                log.warn("Rule timers failed for tenant {}", tenant, e);
            }
        }
    }

    /** Marks sent quotes past their last valid day as expired; each publishes QuoteExpired, which QUOTE_EXPIRED rules act on. */
    @Scheduled(initialDelayString = "${cartera.scheduling.initial-delay:PT1M}", fixedDelayString = "${cartera.scheduling.quotes-every:PT15M}")
    @SchedulerLock(name = "cartera-quote-expiry")
    public void expireQuotes() {
        for (String tenant : cartera.tenants()) {
            try {
                cartera.asSystem(tenant, crm -> crm.quotes().expireOverdue());
            } catch (RuntimeException e) {
                log.warn("Quote expiry failed for tenant {}", tenant, e);
            }
        }
    }

    /** Raises TASK_OVERDUE alerts and due TASK_REMINDER alerts (deduplicated, so a run that overlaps an earlier one changes nothing). */
    @Scheduled(initialDelayString = "${cartera.scheduling.initial-delay:PT1M}", fixedDelayString = "${cartera.scheduling.alerts-every:PT5M}")
    @SchedulerLock(name = "cartera-overdue-alerts")
    public void raiseOverdueAlerts() {
        for (String tenant : cartera.tenants()) {
            try {
                cartera.activities().raiseOverdueAlerts(tenant);
                cartera.activities().sendReminders(tenant);
            } catch (RuntimeException e) {
                // One tenant's failure must not stop the others' alerts.
                log.warn("Overdue alerts failed for tenant {}", tenant, e);
            }
        }
    }
}
