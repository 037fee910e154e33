package dev.cartera.rules;

import static dev.cartera.rules.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Role;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleSetLifecycleIntegrationTests {
    private static final String RAW = """
            rule "Fair trade"
            when
                $f : RecordFact( value("source") == "fair" )
            then
                $f.matched("To rep2");
            end
            """;

    private RulesTestbed bed;
    private RulesTestbed developerBed;

    @BeforeAll
    void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
        // A host that lets its own developers (here: admins of tenant "dev-…") write raw DRL.
        developerBed = new RulesTestbed(TestDatabases.freshH2(), RulesOptions.defaults()
                .withRawDrl(actor -> actor.role() == Role.ADMIN && actor.tenantId().startsWith("r")));
    }

    @AfterAll
    void stop() {
        bed.close();
        developerBed.close();
    }

    private static RuleSetContent allTo(String name, UUID user) {
        return RuleSetContent.assignment(List.of(new AssignmentRule(name, List.of(), Assignee.user(user))));
    }

    private UUID owner(RulesTestbed b, CrmFixture.Org org) {
        return b.as(org, "admin", () -> b.crm.leads().create(lead("Prueba SL", "Madrid", "web")).ownerId());
    }

    @Test
    void versionsGoFromDraftToActiveToArchivedAndRollBackWithoutRestart() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetService sets = bed.rules.ruleSets();
        RuleSetVersionView v1 = bed.as(org, "admin", () -> sets.saveDraft(RuleSetKind.ASSIGNMENT, allTo("All to rep", org.rep()), null, "first"));
        assertThat(v1.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(v1.number()).isEqualTo(1);
        assertThat(owner(bed, org)).as("a draft is not live").isEqualTo(org.admin());

        bed.as(org, "admin", () -> sets.activate(v1.id()));
        assertThat(owner(bed, org)).isEqualTo(org.rep());

        RuleSetVersionView v2 = bed.as(org, "admin", () -> sets.activate(
                sets.saveDraft(RuleSetKind.ASSIGNMENT, allTo("All to rep3", org.rep3()), null, "second").id()));
        assertThat(v2.number()).isEqualTo(2);
        assertThat(owner(bed, org)).isEqualTo(org.rep3());
        assertThat(bed.as(org, "admin", () -> sets.version(v1.id())).status()).isEqualTo(VersionStatus.ARCHIVED);

        RuleSetVersionView restored = bed.as(org, "admin", () -> sets.rollback(RuleSetKind.ASSIGNMENT));
        assertThat(restored.id()).isEqualTo(v1.id());
        assertThat(restored.status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(owner(bed, org)).isEqualTo(org.rep());
        assertThat(bed.as(org, "admin", () -> sets.versions(RuleSetKind.ASSIGNMENT)))
                .extracting(RuleSetVersionView::number, RuleSetVersionView::status)
                .containsExactly(tuple(2, VersionStatus.ARCHIVED),
                        tuple(1, VersionStatus.ACTIVE));
    }

    @Test
    void anInvalidVersionIsReportedByRuleNameAndNeverReplacesTheActiveOne() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetService sets = bed.rules.ruleSets();
        bed.activate(org, allTo("All to rep2", org.rep2()));
        RuleSetVersionView bad = bed.as(org, "admin", () -> sets.saveDraft(RuleSetKind.ASSIGNMENT, RuleSetContent.assignment(List.of(
                new AssignmentRule("Sizes", List.of(Criterion.of("companySize", Operator.BETWEEN, "diez", "20")), Assignee.user(org.rep())),
                new AssignmentRule("Ghost", List.of(), Assignee.user(UUID.randomUUID())))), null, null));

        assertThat(bed.as(org, "admin", () -> sets.validate(bad.id())))
                .extracting(RuleError::rule).containsExactly("Sizes", "Ghost");
        assertThatThrownBy(() -> bed.as(org, "admin", () -> sets.activate(bad.id())))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.errors())
                        .contains(RuleError.of("Sizes", RuleErrorCode.NOT_A_NUMBER, new Reason.Field("companySize"), List.of("diez", "20"))));
        assertThat(bed.as(org, "admin", () -> sets.version(bad.id())).status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(bed.as(org, "admin", () -> sets.active(RuleSetKind.ASSIGNMENT)).orElseThrow().content())
                .isEqualTo(allTo("All to rep2", org.rep2()));
        assertThat(owner(bed, org)).isEqualTo(org.rep2());
    }

    @Test
    void drlCompileErrorsAreReportedByRuleNameAndKeepTheActiveVersion() {
        CrmFixture.Org org = developerBed.newOrg();
        RuleSetService sets = developerBed.rules.ruleSets();
        developerBed.activate(org, allTo("All to rep2", org.rep2()));
        RuleSetVersionView broken = developerBed.as(org, "admin", () -> sets.saveDraft(RuleSetKind.ASSIGNMENT,
                allTo("All to rep", org.rep()), "rule \"Typo\"\nwhen\n    $f : RecordFact( value(\"source\") === )\nthen\nend\n", null));
        assertThatThrownBy(() -> developerBed.as(org, "admin", () -> sets.activate(broken.id())))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.errors())
                        .allSatisfy(err -> {
                            assertThat(err.rule()).isEqualTo(RuleError.RAW_DRL);
                            assertThat(err.code()).isEqualTo(RuleErrorCode.RAW_DRL_RULE_DOES_NOT_COMPILE);
                            assertThat(err.args().get(0)).isEqualTo("Typo");
                        }));
        assertThat(owner(developerBed, org)).isEqualTo(org.rep2());
    }

    @Test
    void rawDrlNeedsTheDedicatedPermissionWhichIsOffByDefault() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetContent content = RuleSetContent.assignment(List.of(
                new AssignmentRule("To rep2", List.of(Criterion.of("province", Operator.EQUALS, "Nowhere")), Assignee.user(org.rep2())),
                new AssignmentRule("Fallback", List.of(), Assignee.user(org.rep()))));
        assertThatThrownBy(() -> bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, content, RAW, null)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("rules.raw-drl.forbidden"));
        assertThatThrownBy(() -> bed.as(org, "manager", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, content, null, null)))
                .isInstanceOf(AccessDeniedException.class);

        CrmFixture.Org dev = developerBed.newOrg();
        RuleSetContent devContent = RuleSetContent.assignment(List.of(
                new AssignmentRule("To rep2", List.of(Criterion.of("province", Operator.EQUALS, "Nowhere")), Assignee.user(dev.rep2())),
                new AssignmentRule("Fallback", List.of(), Assignee.user(dev.rep()))));
        developerBed.as(dev, "admin", () -> developerBed.rules.ruleSets().activate(
                developerBed.rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, devContent, RAW, null).id()));
        assertThat(developerBed.as(dev, "admin", () -> developerBed.crm.leads().create(lead("Justo SL", "Madrid", "fair")).ownerId()))
                .isEqualTo(dev.rep2());
        assertThat(owner(developerBed, dev)).isEqualTo(dev.rep());
    }

    @Test
    void rulesOfOneTenantNeverFireForAnother() {
        CrmFixture.Org a = bed.newOrg();
        CrmFixture.Org b = bed.newOrg();
        bed.activate(a, allTo("All to rep3", a.rep3()));
        bed.activate(b, RuleSetContent.automation(List.of(new AutomationRule("Welcome", Trigger.LEAD_CREATED, null, List.of(),
                List.of(RuleAction.task(dev.cartera.core.activity.ActivityType.CALL, "Call {name}", 1, null))))));

        UUID leadB = bed.as(b, "rep", () -> bed.crm.leads().create(lead("B SL", "Madrid", "web")).id());
        assertThat(bed.as(b, "rep", () -> bed.crm.leads().get(leadB).ownerId())).isEqualTo(b.rep());
        UUID leadA = bed.as(a, "rep", () -> bed.crm.leads().create(lead("A SL", "Madrid", "web")).id());
        assertThat(bed.as(a, "admin", () -> bed.crm.leads().get(leadA).ownerId())).isEqualTo(a.rep3());
        assertThat(bed.as(a, "admin", () -> bed.crm.activities().ofRecord(dev.cartera.core.common.RecordType.LEAD, leadA))).isEmpty();
        assertThat(bed.as(b, "rep", () -> bed.crm.activities().ofRecord(dev.cartera.core.common.RecordType.LEAD, leadB)))
                .singleElement().satisfies(t -> assertThat(t.subject()).isEqualTo("Call B SL"));
        // Tenant B cannot even read tenant A's versions.
        UUID versionA = bed.as(a, "admin", () -> bed.rules.ruleSets().active(RuleSetKind.ASSIGNMENT).orElseThrow().id());
        assertThatThrownBy(() -> bed.as(b, "admin", () -> bed.rules.ruleSets().version(versionA)))
                .isInstanceOf(dev.cartera.core.common.NotFoundException.class);
    }
}
