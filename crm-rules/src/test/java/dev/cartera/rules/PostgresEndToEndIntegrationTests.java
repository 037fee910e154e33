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
import dev.cartera.core.imports.ColumnMapping;
import dev.cartera.core.imports.DuplicatePolicy;
import dev.cartera.core.imports.ImportLimits;
import dev.cartera.core.imports.ImportPreview;
import dev.cartera.core.imports.ImportRunView;
import dev.cartera.core.imports.ImportStatus;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole path on PostgreSQL: rules as data → the simulator's prediction on a file's rows → the owners core's
 * import gives the leads of that file; a timer's task and alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresEndToEndIntegrationTests {
    private static final List<String> PROVINCES = List.of("Barcelona", "Girona", "Madrid", "Valencia", "Sevilla", "Lleida");
    private static final List<String> SOURCES = List.of("web", "feria", "referido", "email");

    private static final int ROWS = 1000;

    private RulesTestbed bed;

    @BeforeAll
    void start() {
        // Previews as long as the file, so the simulator sees every row the importer read; chunks of 100 rows.
        bed = new RulesTestbed(TestDatabases.freshPostgres(), RulesOptions.defaults(),
                b -> b.importLimits(new ImportLimits(10L * 1024 * 1024, 20, 1000, ROWS, 100)));
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

        // A generated file as a firm exports it: semicolons, Spanish thousands, one row per lead.
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("Empresa;Provincia;Origen;Empleados;Correo\r\n");
        for (int i = 0; i < ROWS; i++) {
            String email = random.nextInt(10) == 0 ? "compras@fiel.es" : "lead" + random.nextInt(400) + "@example.es";
            int size = random.nextInt(60) * (random.nextInt(20) == 0 ? 100 : 1);
            csv.append("Empresa ").append(i).append(';').append(PROVINCES.get(random.nextInt(PROVINCES.size()))).append(';')
                    .append(SOURCES.get(random.nextInt(SOURCES.size()))).append(';')
                    .append(String.format(java.util.Locale.forLanguageTag("es-ES"), "%,d", size)).append(';').append(email).append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        ColumnMapping mapping = ColumnMapping.of(Map.of(0, "companyName", 1, "province", 2, "source", 3, "companySize", 4, "email"));
        UUID version = bed.as(org, "admin", () -> bed.rules.ruleSets().active(RuleSetKind.ASSIGNMENT).orElseThrow().id());

        // The importer's own reading of the rows, then the simulator on exactly those rows.
        ImportPreview preview = bed.as(org, "admin", () -> {
            ImportPreview first = bed.crm.imports().preview(new ByteArrayInputStream(file), "leads.csv");
            return bed.crm.imports().review(first.previewId(), null, mapping);
        });
        assertThat(preview.checks()).hasSize(ROWS).allSatisfy(c -> assertThat(c.problems()).isEmpty());
        List<LeadDraft> rows = preview.checks().stream().map(c -> draft(c.values())).toList();
        String before = bed.databaseFingerprint();
        long t0 = System.nanoTime();
        SimulationReport predicted = bed.as(org, "admin", () -> bed.rules.simulator().assignDrafts(version, rows));
        assertThat(bed.databaseFingerprint()).isEqualTo(before);

        long t1 = System.nanoTime();
        ImportRunView run = bed.as(org, "admin", () -> bed.crm.imports().awaitFinished(
                bed.crm.imports().start(preview.previewId(), mapping, DuplicatePolicy.CREATE).id(), Duration.ofMinutes(5)));
        System.out.printf("simulated %d leads in %d ms, imported them in %d ms%n", ROWS, (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);

        Map<String, UUID> owners = new HashMap<>();
        bed.crm.transactions().asSystem(org.tenant(), work -> {
            work.em().createQuery("select l.companyName, l.ownerId from Lead l", Object[].class).getResultList()
                    .forEach(r -> owners.put((String) r[0], (UUID) r[1]));
            return null;
        });
        assertThat(owners).hasSize(ROWS).doesNotContainValue(null);
        for (int i = 0; i < ROWS; i++) {
            SimulatedRecord p = predicted.records().get(i);
            assertThat(owners.get("Empresa " + i)).as("row %d (%s): %s", i, rows.get(i), p.reasons()).isEqualTo(p.assigneeId());
        }
        assertThat(predicted.records()).extracting(SimulatedRecord::decidedBy).contains("Returning", "Catalunya web", "Big firms",
                "Valencia", "Everyone else");
        assertThat(bed.as(org, "admin", () -> bed.rules.ruleSets().recent(RuleSetKind.ASSIGNMENT, 2 * ROWS))).hasSize(ROWS);
    }

    /** A previewed row's values (canonical, as the import stores them) as the lead draft they describe. */
    private static LeadDraft draft(Map<String, String> v) {
        String size = v.get("companySize");
        return new LeadDraft(v.get("firstName"), v.get("lastName"), v.get("companyName"), v.get("jobTitle"), v.get("email"),
                v.get("phone"), v.get("taxId"), v.get("source"), null, null, v.get("street"), v.get("city"), v.get("postcode"),
                v.get("province"), v.get("country"), v.get("language"), size == null ? null : Integer.valueOf(size),
                v.get("productInterest"), v.get("notes"));
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
