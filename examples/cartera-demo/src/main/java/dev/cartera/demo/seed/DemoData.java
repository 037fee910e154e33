package dev.cartera.demo.seed;

import dev.cartera.core.Cartera;
import dev.cartera.demo.DemoClock;
import dev.cartera.demo.DemoTenants;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo firms on first start: for each tenant that has no CRM users yet, its organisation
 * and a year and a half of commercial history, dated in the past through the {@link DemoClock}.
 * A restart finds the users and loads nothing. It runs before the web server opens, so nobody
 * signs in to a half-loaded CRM. Same seed, same data.
 */
@Component
@ConditionalOnProperty(name = "cartera.demo.data.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData implements SmartInitializingSingleton {
    static final long SEED = 20_240_601L;
    static final int HISTORY_DAYS = 545;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Cartera cartera;
    private final DemoClock clock;

    public DemoData(Cartera cartera, DemoClock clock) {
        this.cartera = cartera;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Loads every tenant that is still empty; returns how many were loaded. */
    public int load() {
        int loaded = 0;
        if (isEmpty(DemoTenants.DEMO)) {
            loadTenant(DemoTenants.DEMO, "Sede central Valencia", "Valencia", "Equipo comercial Levante", 1);
            loaded++;
        }
        if (isEmpty(DemoTenants.OTRA)) {
            loadTenant(DemoTenants.OTRA, "Talleres Norte Bilbao", "Bilbao", "Equipo Norte", 2);
            loaded++;
        }
        return loaded;
    }

    /** This month's plan for each seller and the team, and the year's for the office, so dashboards show fulfilment. */
    private void plans(String tenant, DemoOrganisation org, Instant now) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/Madrid"));
        java.time.LocalDate monthStart = today.withDayOfMonth(1);
        java.time.LocalDate monthEnd = today.withDayOfMonth(today.lengthOfMonth());
        dev.cartera.reporting.Plans plans = dev.cartera.reporting.CarteraReports.create(cartera).plans();
        cartera.asSystem(tenant, crm -> {
            for (var user : org.users().entrySet()) {
                if (DemoTenants.usersOf(tenant).stream().anyMatch(u -> u.username().equals(user.getKey())
                        && (u.role() == dev.cartera.core.access.Role.SALES_REP || u.role() == dev.cartera.core.access.Role.MANAGER))) {
                    plans.set(new dev.cartera.reporting.Plans.TargetDraft(dev.cartera.reporting.Measure.REVENUE_WON, monthStart, monthEnd,
                            dev.cartera.reporting.Plans.Level.USER, user.getValue(), new java.math.BigDecimal("15000")));
                    plans.set(new dev.cartera.reporting.Plans.TargetDraft(dev.cartera.reporting.Measure.CALLS, monthStart, monthEnd,
                            dev.cartera.reporting.Plans.Level.USER, user.getValue(), new java.math.BigDecimal("30")));
                }
            }
            if (org.teamId() != null) {
                plans.set(new dev.cartera.reporting.Plans.TargetDraft(dev.cartera.reporting.Measure.REVENUE_WON, monthStart, monthEnd,
                        dev.cartera.reporting.Plans.Level.TEAM, org.teamId(), new java.math.BigDecimal("40000")));
            }
            plans.set(new dev.cartera.reporting.Plans.TargetDraft(dev.cartera.reporting.Measure.REVENUE_WON,
                    today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()), dev.cartera.reporting.Plans.Level.OFFICE, org.officeId(),
                    new java.math.BigDecimal("400000")));
            return null;
        });
    }

    private boolean isEmpty(String tenant) {
        return cartera.asSystem(tenant, crm -> crm.users().list().isEmpty());
    }

    private void loadTenant(String tenant, String office, String city, String team, long seedOffset) {
        long began = System.nanoTime();
        long cpuBegan = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = now.minus(Duration.ofDays(HISTORY_DAYS));
        DemoOrganisation org = clock.at(start.minus(Duration.ofDays(2)),
                () -> cartera.asSystem(tenant, crm -> DemoOrganisation.create(crm, tenant, office, city, team)));
        DemoTimeline timeline = new DemoTimeline(now);
        SpanishData data = new SpanishData(new Random(SEED + seedOffset));
        if (DemoTenants.DEMO.equals(tenant)) {
            Stories stories = new Stories(timeline, data, org, SalesVocabulary.PRODUCTS);
            new SuministrosLevante(stories, start).tell();
        } else {
            Stories stories = new Stories(timeline, data, org, TalleresNorte.PRODUCTS);
            new TalleresNorte(stories, start).tell();
        }
        timeline.play(cartera, clock, tenant);
        if (DemoTenants.DEMO.equals(tenant)) {
            DemoCatalogue.load(cartera, clock, tenant, now);
            DemoCatalunya.load(cartera, clock, tenant, now);
        }
        plans(tenant, org, now);
        log.info("Demo data for tenant '{}': {} dated steps loaded in {} ms ({} ms CPU)", tenant, timeline.size(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBegan).toMillis());
    }
}
