package dev.cartera.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole path on PostgreSQL: rules as data → simulator prediction → an import's owners; a timer's task and alert. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresEndToEndIntegrationTests {
    private static final List<String> PROVINCES = List.of("Barcelona", "Girona", "Madrid", "Valencia", "Sevilla", "Lleida");
    private static final List<String> SOURCES = List.of("web", "feria", "referido", "email");

    private RulesTestbed bed;

    @BeforeAll
    void start() {
        bed = new RulesTestbed(TestDatabases.freshPostgres());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void everyImportedLeadGetsTheOwnerTheSimulatorPredicted() {
        CrmFixture.Org org = bed.newOrg();
        bed.account(org, "rep3", new AccountDraft(AccountKind.COMPANY, "Cliente Fiel SL", null, null, "compras@fiel.es",
                null, null, null, null, null, null, null, null, null, true, false, false, null, null, null, null));
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Returning", List.of(Criterion.of("source", Operator.EQUALS, "referido")), Assignee.returningCustomer()),
                new AssignmentRule("Catalunya web", List.of(Criterion.of("province", Operator.IN, "Barcelona", "Girona"),
                        Criterion.of("source", Operator.EQUALS, "web")), Assignee.roundRobin(org.teamA())),
                new AssignmentRule("Big firms", List.of(Criterion.of("companySize", Operator.BETWEEN, "10", "49")), Assignee.leastLoaded(org.teamA())),
                new AssignmentRule("Valencia", List.of(), Assignee.territory(List.of(new Territory("Valencia", null, null, org.rep3())))),
                new AssignmentRule("Everyone else", List.of(), Assignee.roundRobin(org.teamB())))));
        bed.absent(org, org.rep2(), bed.today().plusDays(1), bed.today().plusDays(9));

        Random random = new Random(42);
        List<LeadDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String email = random.nextInt(10) == 0 ? "compras@fiel.es" : "lead" + random.nextInt(400) + "@example.es";
            drafts.add(Leads.lead("Empresa " + i, PROVINCES.get(random.nextInt(PROVINCES.size())), null,
                    SOURCES.get(random.nextInt(SOURCES.size())), random.nextInt(60), email));
        }
        UUID version = bed.as(org, "admin", () -> bed.rules.ruleSets().active(RuleSetKind.ASSIGNMENT).orElseThrow().id());
        String before = bed.databaseFingerprint();
        long t0 = System.nanoTime();
        SimulationReport predicted = bed.as(org, "admin", () -> bed.rules.simulator().assignDrafts(version, drafts));
        assertThat(bed.databaseFingerprint()).isEqualTo(before);

        // An import job: units of work of 100 rows, as a file importer commits them.
        long t1 = System.nanoTime();
        List<UUID> owners = new ArrayList<>();
        for (int from = 0; from < drafts.size(); from += 100) {
            List<LeadDraft> chunk = drafts.subList(from, from + 100);
            owners.addAll(bed.crm.asSystem(org.tenant(), crm -> chunk.stream().map(d -> crm.leads().create(d).ownerId()).toList()));
            bed.fx.clock.set(bed.fx.clock.instant().plusMillis(1));
        }
        System.out.printf("simulated 1000 leads in %d ms, imported them in %d ms%n", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);

        assertThat(owners).doesNotContainNull();
        for (int i = 0; i < owners.size(); i++) {
            SimulatedRecord p = predicted.records().get(i);
            assertThat(owners.get(i)).as("lead %d (%s): %s", i, drafts.get(i), p.reasons()).isEqualTo(p.assigneeId());
        }
        assertThat(predicted.records()).extracting(SimulatedRecord::decidedBy).contains("Returning", "Catalunya web", "Big firms",
                "Valencia", "Everyone else");
        assertThat(bed.as(org, "admin", () -> bed.rules.ruleSets().recent(RuleSetKind.ASSIGNMENT, 1000))).hasSize(1000);
    }

    @Test
    void aStuckDealProducesItsTaskAndAlertFromTheTimer() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(new AutomationRule("Stuck deal", Trigger.DEAL_STUCK, null, List.of(),
                List.of(RuleAction.task(ActivityType.CALL, "Unblock {name}", 2, null),
                        RuleAction.alert(AlertKind.DEAL_STUCK, Severity.CRITICAL, "{name}: {days} days in {stage}"),
                        RuleAction.email(Recipient.OWNER, null, "Deal stuck: {name}", "Please call the customer."))))));
        UUID account = bed.account(org, "rep2", AccountDraft.company("Lento SL"));
        OpportunityView deal = bed.as(org, "rep2", () -> bed.crm.opportunities().create(OpportunityDraft.named("Reforma", account, new BigDecimal("12000"))));
        int mails = bed.mails.size();

        bed.fx.clock.advanceDays(20);
        TimerReport report = bed.rules.runTimers(org.tenant());

        assertThat(report.count(ActionKind.CREATE_TASK)).isEqualTo(1);
        List<ActivityView> tasks = bed.as(org, "rep2", () -> bed.crm.activities().ofRecord(RecordType.OPPORTUNITY, deal.id()));
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Unblock Reforma");
            assertThat(t.ownerId()).isEqualTo(org.rep2());
            assertThat(t.automatic()).isTrue();
        });
        assertThat(bed.as(org, "rep2", () -> bed.crm.alerts().mine())).singleElement().satisfies((AlertView a) -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DEAL_STUCK);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.messageArgs()).containsExactly("Reforma: 20 days in En análisis");
            assertThat(a.recordId()).isEqualTo(deal.id());
        });
        assertThat(bed.mails.subList(mails, bed.mails.size())).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo("rep2@example.es"));
        assertThat(bed.rules.runTimers(org.tenant()).actions()).isEmpty();
    }
}
