package dev.cartera.spring.scheduling;

import dev.cartera.core.Cartera;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** The jobs themselves: thin loops over tenants that call the core services. */
public class CarteraJobs {
    private static final Logger log = LoggerFactory.getLogger(CarteraJobs.class);

    private final Cartera cartera;

    public CarteraJobs(Cartera cartera) {
        this.cartera = cartera;
    }

    /** Raises TASK_OVERDUE alerts (deduplicated, so a run that overlaps an earlier one changes nothing). */
    @Scheduled(initialDelayString = "${cartera.scheduling.initial-delay:PT1M}", fixedDelayString = "${cartera.scheduling.alerts-every:PT5M}")
    @SchedulerLock(name = "cartera-overdue-alerts")
    public void raiseOverdueAlerts() {
        for (String tenant : cartera.tenants()) {
            try {
                cartera.activities().raiseOverdueAlerts(tenant);
            } catch (RuntimeException e) {
                // One tenant's failure must not stop the others' alerts.
                log.warn("Overdue alerts failed for tenant {}", tenant, e);
            }
        }
    }
}
