package dev.cartera.rules;

import static dev.cartera.rules.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentIntegrationTests {
    private RulesTestbed bed;

    @BeforeAll
    void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    private LeadView create(CrmFixture.Org org, String user, LeadDraft draft) {
        return bed.as(org, user, () -> bed.crm.leads().create(draft));
    }

    @Test
    void catalanWebLeadsGoRoundRobinToTheTeamAndTheRestToTheFallback() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Catalunya web", List.of(Criterion.of("province", Operator.IN, "Barcelona", "Girona"),
                        Criterion.of("source", Operator.EQUALS, "web")), Assignee.roundRobin(org.teamA())),
                new AssignmentRule("Everything else", List.of(), Assignee.user(org.rep3())))));

        List<UUID> owners = List.of(
                create(org, "admin", lead("Uno SL", "Barcelona", "web")).ownerId(),
                create(org, "admin", lead("Dos SL", "girona", "WEB")).ownerId(),
                create(org, "admin", lead("Tres SL", "Barcelona", "web")).ownerId());
        assertThat(owners).containsExactly(org.rep(), org.rep2(), org.rep());
        assertThat(create(org, "admin", lead("Cuatro SL", "Madrid", "web")).ownerId()).isEqualTo(org.rep3());
        assertThat(create(org, "admin", lead("Cinco SL", "Barcelona", "feria")).ownerId()).isEqualTo(org.rep3());

        LeadView fifth = create(org, "admin", lead("Seis SL", "Lleida", "web"));
        assertThat(bed.as(org, "admin", () -> bed.rules.ruleSets().history(fifth.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RuleSetKind.ASSIGNMENT);
                    assertThat(e.ruleName()).isEqualTo("Everything else");
                    assertThat(e.userId()).isEqualTo(org.rep3());
                });
    }

    @Test
    void anExplicitOwnerIsKeptAndNoActiveRulesMeansTheCreatorOwnsTheLead() {
        CrmFixture.Org org = bed.newOrg();
        assertThat(create(org, "rep", lead("Propio SL", "Madrid", "web")).ownerId()).isEqualTo(org.rep());
        bed.activate(org, RuleSetContent.assignment(List.of(new AssignmentRule("All to rep3", List.of(), Assignee.user(org.rep3())))));
        assertThat(create(org, "admin", lead("Dado SL", "Madrid", "web").withOwner(org.rep2())).ownerId()).isEqualTo(org.rep2());
        assertThat(create(org, "rep", lead("Regla SL", "Madrid", "web")).ownerId()).isEqualTo(org.rep3());
    }

    @Test
    void territoryTableSizeAndPostcodeCriteria() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Big firms", List.of(Criterion.of("companySize", Operator.BETWEEN, "20", "49")), Assignee.user(org.manager())),
                new AssignmentRule("Territories", List.of(), Assignee.territory(List.of(
                        new Territory("Valencia", null, null, org.rep2()),
                        new Territory(null, "28000", "28999", org.rep3())))),
                new AssignmentRule("Fallback", List.of(), Assignee.user(org.rep())))));

        assertThat(create(org, "admin", lead("Grande SL", "Madrid", "28001", "web", 30, null)).ownerId()).isEqualTo(org.manager());
        assertThat(create(org, "admin", lead("Huerta SL", "valencia", "46001", "web", 3, null)).ownerId()).isEqualTo(org.rep2());
        assertThat(create(org, "admin", lead("Castizo SL", "Madrid", "28004", "web", 3, null)).ownerId()).isEqualTo(org.rep3());
        assertThat(create(org, "admin", lead("Norte SL", "Lugo", "27001", "web", 3, null)).ownerId()).isEqualTo(org.rep());
    }

    @Test
    void returningCustomerGoesBackToTheRepWhoHasIt() {
        CrmFixture.Org org = bed.newOrg();
        bed.account(org, "rep2", new AccountDraft(AccountKind.COMPANY, "Vuelve SL", null, "B58378431", "compras@vuelve.es",
                null, null, null, null, null, null, null, null, null, true, false, false, null, null, null, null));
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Returning", List.of(), Assignee.returningCustomer()),
                new AssignmentRule("Fallback", List.of(), Assignee.user(org.rep3())))));

        assertThat(create(org, "admin", lead("Vuelve SL", "Madrid", null, "web", null, "COMPRAS@vuelve.es")).ownerId()).isEqualTo(org.rep2());
        assertThat(create(org, "admin", lead("Otro SL", "Madrid", null, "web", null, null).withTaxId("B-58378431")).ownerId()).isEqualTo(org.rep2());
        assertThat(create(org, "admin", lead("Nuevo SL", "Madrid", null, "web", null, "hola@nuevo.es")).ownerId()).isEqualTo(org.rep3());
        // The lead just created makes its e-mail a returning contact of rep3.
        assertThat(create(org, "admin", lead("Nuevo SL", "Madrid", null, "web", null, "hola@nuevo.es")).ownerId()).isEqualTo(org.rep3());
    }

    @Test
    void leastLoadedCountsOpenLeadsAndAbsentUsersAreSkipped() {
        CrmFixture.Org org = bed.newOrg();
        create(org, "rep", lead("Carga 1", "Madrid", "web"));
        create(org, "rep", lead("Carga 2", "Madrid", "web"));
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Least loaded A", List.of(), Assignee.leastLoaded(org.teamA())))));

        assertThat(create(org, "admin", lead("L1", "Madrid", "web")).ownerId()).isEqualTo(org.rep2());
        assertThat(create(org, "admin", lead("L2", "Madrid", "web")).ownerId()).isEqualTo(org.rep2());
        // 2 and 2: the tie goes to the first by name
        assertThat(create(org, "admin", lead("L3", "Madrid", "web")).ownerId()).isEqualTo(org.rep());

        bed.absent(org, org.rep(), bed.today().minusDays(1), bed.today().plusDays(3));
        for (int i = 0; i < 3; i++) {
            assertThat(create(org, "admin", lead("Ausente " + i, "Madrid", "web")).ownerId()).isEqualTo(org.rep2());
        }
    }

    @Test
    void anAbsentFixedUserPassesTheLeadToTheNextRule() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.assignment(List.of(
                new AssignmentRule("Web to rep", List.of(Criterion.of("source", Operator.EQUALS, "web")), Assignee.user(org.rep())),
                new AssignmentRule("Fallback", List.of(), Assignee.roundRobin(org.teamB())))));
        bed.absent(org, org.rep(), bed.today(), null);
        assertThat(create(org, "admin", lead("Web SL", "Madrid", "web")).ownerId()).isEqualTo(org.rep3());
        bed.absent(org, org.rep(), bed.today().minusDays(10), bed.today().minusDays(1));
        assertThat(create(org, "admin", lead("Web2 SL", "Madrid", "web")).ownerId()).isEqualTo(org.rep());
    }

    @Test
    void customFieldsOfRealLeadsFeedTheSimulator() {
        CrmFixture.Org org = bed.newOrg();
        LeadView hotel = create(org, "rep", lead("Hotel Sol", "Málaga", "web"));
        bed.crm.transactions().asSystem(org.tenant(), work -> {
            var value = new dev.cartera.core.customfield.CustomFieldValue();
            value.setRecordType(dev.cartera.core.common.RecordType.LEAD);
            value.setRecordId(hotel.id());
            value.setFieldKey("sector");
            value.setValue("Hostelería");
            work.em().persist(value);
            return null;
        });
        RuleSetVersionView draft = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT,
                RuleSetContent.assignment(List.of(
                        new AssignmentRule("Hostelería", List.of(Criterion.of("custom.sector", Operator.EQUALS, "hostelería")), Assignee.user(org.rep3())),
                        new AssignmentRule("Fallback", List.of(), Assignee.user(org.rep2())))), null, null));
        SimulationReport report = bed.as(org, "admin", () -> bed.rules.simulator().assignExisting(draft.id(),
                dev.cartera.core.lead.LeadQuery.all(), 10));
        assertThat(report.records()).singleElement().satisfies(r -> {
            assertThat(r.matchedRules()).containsExactly("Hostelería", "Fallback");
            assertThat(r.assigneeId()).isEqualTo(org.rep3());
            assertThat(r.decidedBy()).isEqualTo("Hostelería");
            assertThat(r.reasons()).contains(Reason.of(ReasonCode.RULE_MATCHED, "Hostelería",
                    List.of(Criterion.of("custom.sector", Operator.EQUALS, "hostelería"))));
        });
    }
}
