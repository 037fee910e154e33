package dev.cartera.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Round-robin under concurrency, on PostgreSQL: two threads create leads at once and the team's turn row
 * (locked for the length of each creating transaction) keeps the counts within one of each other.
 */
class ConcurrentRoundRobinProperties {
    private static RulesTestbed bed;
    private static ExecutorService threads;

    @BeforeContainer
    static void start() {
        bed = new RulesTestbed(TestDatabases.freshPostgres());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        bed.close();
    }

    @Property(tries = 5)
    void twoThreadsAssigningAtOnceStayFair(@ForAll @IntRange(min = 1, max = 25) int first, @ForAll @IntRange(min = 1, max = 25) int second)
            throws Exception {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.assignment(List.of(new AssignmentRule("Team A in turn", List.of(), Assignee.roundRobin(org.teamA())))));
        ConcurrentLinkedQueue<UUID> owners = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        Future<?> a = threads.submit(() -> createLeads(org, first, owners, go));
        Future<?> b = threads.submit(() -> createLeads(org, second, owners, go));
        go.countDown();
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        Map<UUID, Integer> counts = new HashMap<>(Map.of(org.rep(), 0, org.rep2(), 0));
        owners.forEach(o -> counts.merge(o, 1, Integer::sum));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(org.rep(), org.rep2());
        assertThat(owners).hasSize(first + second);
        assertThat(AssignmentProperties.spread(counts)).isLessThanOrEqualTo(1);
    }

    private static Void createLeads(CrmFixture.Org org, int n, ConcurrentLinkedQueue<UUID> owners, CountDownLatch go) throws InterruptedException {
        go.await();
        for (int i = 0; i < n; i++) {
            // The system actor, as an import job: the test session's caller is per test, not per thread.
            owners.add(bed.crm.asSystem(org.tenant(), crm -> crm.leads().create(Leads.lead("Hilo " + Thread.currentThread().getId(),
                    "Madrid", "web")).ownerId()));
        }
        return null;
    }
}
