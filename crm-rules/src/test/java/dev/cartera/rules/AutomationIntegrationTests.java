package dev.cartera.rules;

import static dev.cartera.rules.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.TaskQuery;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomationIntegrationTests {
    private RulesTestbed bed;

    @BeforeAll
    void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    private List<ActivityView> tasksOf(CrmFixture.Org org, RecordType type, UUID id) {
        return bed.as(org, "admin", () -> bed.crm.activities().ofRecord(type, id));
    }

    @Test
    void aNewWebLeadGetsACallTaskAnAlertAndAnEmail() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Web lead follow-up", Trigger.LEAD_CREATED, null, List.of(Criterion.of("source", Operator.EQUALS, "web")),
                        List.of(RuleAction.task(ActivityType.CALL, "Call {name} ({province})", 2, null),
                                RuleAction.alert(AlertKind.CUSTOM, Severity.INFO, "New web lead {name}"),
                                RuleAction.email(Recipient.RECORD, null, "Gracias, {name}", "Le llamaremos pronto."),
                                RuleAction.email(Recipient.OWNER, null, "Nuevo lead {name}", "Revisa {name}."))))));
        int mailsBefore = bed.mails.size();

        LeadView web = bed.as(org, "rep", () -> bed.crm.leads().create(lead("Olivos SL", "Jaén", null, "web", null, "info@olivos.es")));
        LeadView fair = bed.as(org, "rep", () -> bed.crm.leads().create(lead("Feria SL", "Jaén", "feria")));

        assertThat(tasksOf(org, RecordType.LEAD, web.id())).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Call Olivos SL (Jaén)");
            assertThat(t.type()).isEqualTo(ActivityType.CALL);
            assertThat(t.ownerId()).isEqualTo(org.rep());
            assertThat(t.dueAt()).isEqualTo(bed.fx.clock.instant().plusSeconds(2 * 86_400));
            assertThat(t.automatic()).isTrue();
        });
        assertThat(tasksOf(org, RecordType.LEAD, fair.id())).isEmpty();
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).singleElement()
                .satisfies(a -> assertThat(a.messageArgs()).containsExactly("New web lead Olivos SL"));
        assertThat(bed.mails.subList(mailsBefore, bed.mails.size())).extracting(m -> m.to(), m -> m.subject())
                .containsExactly(tuple("info@olivos.es", "Gracias, Olivos SL"), tuple("rep@example.es", "Nuevo lead Olivos SL"));
    }

    @Test
    void aRuleThatChangesTheStatusItListensToDoesNotLoop() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Ping", Trigger.LEAD_STATUS_CHANGED, null, List.of(Criterion.of("status", Operator.EQUALS, "CONTACTED")),
                        List.of(RuleAction.changeStatus("QUALIFIED"), RuleAction.task(ActivityType.TODO, "Ping {status}", 0, null))),
                new AutomationRule("Pong", Trigger.LEAD_STATUS_CHANGED, null, List.of(Criterion.of("status", Operator.EQUALS, "QUALIFIED")),
                        List.of(RuleAction.changeStatus("CONTACTED"), RuleAction.task(ActivityType.TODO, "Pong {status}", 0, null))))));
        LeadView lead = bed.as(org, "rep", () -> bed.crm.leads().create(lead("Bucle SL", "Madrid", "web")));
        bed.as(org, "rep", () -> bed.crm.leads().changeStatus(lead.id(), null, LeadStatus.CONTACTED, null));

        // CONTACTED → Ping → QUALIFIED → Pong → CONTACTED → Ping again is the same rule on the same record: stopped.
        assertThat(tasksOf(org, RecordType.LEAD, lead.id())).extracting(ActivityView::subject)
                .containsExactlyInAnyOrder("Ping CONTACTED", "Pong QUALIFIED");
        assertThat(bed.as(org, "rep", () -> bed.crm.leads().get(lead.id())).status()).isEqualTo(LeadStatus.CONTACTED);
    }

    @Test
    void aStuckDealGetsItsTaskAndAlertFromTheTimerOnce() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Stuck deal", Trigger.DEAL_STUCK, null, List.of(),
                        List.of(RuleAction.task(ActivityType.CALL, "Unblock {name} ({days} days in {stage})", 1, null),
                                RuleAction.alert(AlertKind.DEAL_STUCK, Severity.WARNING, "{name} is stuck in {stage}"))),
                new AutomationRule("Quiet customer", Trigger.CUSTOMER_NOT_CONTACTED, 30, List.of(),
                        List.of(RuleAction.task(ActivityType.CALL, "Call {name}, {days} days without contact", 0, null))))));
        UUID account = bed.account(org, "rep", AccountDraft.company("Atasco SL"));
        OpportunityView deal = bed.as(org, "rep", () -> bed.crm.opportunities().create(OpportunityDraft.named("Menaje", account, new BigDecimal("900"))));

        bed.fx.clock.advanceDays(14);
        TimerReport early = bed.rules.runTimers(org.tenant());
        assertThat(early.actions()).isEmpty();

        bed.fx.clock.advanceDays(1);
        TimerReport report = bed.rules.runTimers(org.tenant());
        assertThat(report.count(ActionKind.CREATE_TASK)).isEqualTo(1);
        assertThat(report.count(ActionKind.RAISE_ALERT)).isEqualTo(1);
        assertThat(tasksOf(org, RecordType.OPPORTUNITY, deal.id())).singleElement()
                .satisfies(t -> assertThat(t.subject()).isEqualTo("Unblock Menaje (15 days in En análisis)"));
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).extracting(AlertView::kind).containsExactly(AlertKind.DEAL_STUCK);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("idempotent").isEmpty();

        bed.fx.clock.advanceDays(16);
        TimerReport later = bed.rules.runTimers(org.tenant());
        assertThat(later.actions()).extracting(PlannedAction::rule).containsExactly("Quiet customer");
        assertThat(tasksOf(org, RecordType.ACCOUNT, account)).extracting(ActivityView::subject)
                .contains("Call Atasco SL, 31 days without contact");
    }

    @Test
    void theSimulatorSaysWhyAnyTimerIsNotDueYetOnARealRecordAndActsWhenTheTimerWould() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetVersionView draft = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION,
                RuleSetContent.automation(List.of(
                        new AutomationRule("Stuck deal", Trigger.DEAL_STUCK, null, List.of(),
                                List.of(RuleAction.task(ActivityType.CALL, "Unblock {name}", 1, null))),
                        new AutomationRule("Quiet customer", Trigger.CUSTOMER_NOT_CONTACTED, 30, List.of(),
                                List.of(RuleAction.task(ActivityType.CALL, "Call {name}", 0, null))),
                        new AutomationRule("Late task", Trigger.TASK_OVERDUE, null, List.of(),
                                List.of(RuleAction.alert(AlertKind.TASK_OVERDUE, Severity.WARNING, "Late: {name}"))))), null, null));
        UUID account = bed.account(org, "rep", AccountDraft.company("Paciencia SL"));
        OpportunityView deal = bed.as(org, "rep", () -> bed.crm.opportunities().create(OpportunityDraft.named("Vajilla", account, new BigDecimal("500"))));
        ActivityView task = bed.as(org, "rep", () -> bed.crm.activities().create(ActivityDraft.task("Enviar muestras", RecordType.ACCOUNT,
                account, bed.fx.clock.instant().plusSeconds(20 * 86_400L))));
        bed.fx.clock.advanceDays(14);
        String before = bed.databaseFingerprint();

        // Day 14: the stage's limit (14 days) is reached but not passed, the customer was created 14 days ago, the task is due on day 20.
        assertThat(simulate(org, draft, Trigger.DEAL_STUCK, deal.id())).satisfies(r -> {
            assertThat(r.matchedRules()).containsExactly("Stuck deal");
            assertThat(r.actions()).isEmpty();
            assertThat(r.reasons()).containsExactly(Reason.of(ReasonCode.TIMER_NOT_DUE, "Stuck deal",
                    Reason.of(ReasonCode.DEAL_NOT_STUCK_YET, 14L, 14)));
        });
        assertThat(simulate(org, draft, Trigger.CUSTOMER_NOT_CONTACTED, account).reasons()).containsExactly(Reason.of(
                ReasonCode.TIMER_NOT_DUE, "Quiet customer", Reason.of(ReasonCode.CUSTOMER_CONTACTED_RECENTLY, 14L, 30)));
        assertThat(simulate(org, draft, Trigger.TASK_OVERDUE, task.id()).reasons()).containsExactly(Reason.of(
                ReasonCode.TIMER_NOT_DUE, "Late task", Reason.of(ReasonCode.TASK_NOT_OVERDUE_YET, task.dueAt())));
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("no live version, nothing ran").isEmpty();

        // Day 21: the deal is stuck and the task overdue, as the timers would find them; the customer still waits.
        bed.fx.clock.advanceDays(7);
        assertThat(simulate(org, draft, Trigger.DEAL_STUCK, deal.id())).satisfies(r -> {
            assertThat(r.actions()).extracting(PlannedAction::kind).containsExactly(ActionKind.CREATE_TASK);
            assertThat(r.reasons()).first().isEqualTo(Reason.of(ReasonCode.AUTOMATION_MATCHED_ALWAYS, "Stuck deal", Trigger.DEAL_STUCK));
        });
        assertThat(simulate(org, draft, Trigger.TASK_OVERDUE, task.id()).actions()).extracting(PlannedAction::kind)
                .containsExactly(ActionKind.RAISE_ALERT);
        assertThat(simulate(org, draft, Trigger.CUSTOMER_NOT_CONTACTED, account).actions()).isEmpty();
        assertThat(bed.databaseFingerprint()).isEqualTo(before);
        bed.as(org, "admin", () -> bed.rules.ruleSets().activate(draft.id()));
        assertThat(bed.rules.runTimers(org.tenant()).actions()).extracting(PlannedAction::rule)
                .containsExactlyInAnyOrder("Stuck deal", "Late task");
    }

    @Test
    void theSimulatorSaysARepIsNotAbsentUntilTheAbsenceBegins() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetVersionView draft = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION,
                RuleSetContent.automation(List.of(new AutomationRule("Cover absences", Trigger.USER_ABSENT, null, List.of(),
                        List.of(RuleAction.reassignTasks(Assignee.leastLoaded(null)))))), null, null));
        UUID account = bed.account(org, "rep", AccountDraft.company("Vacaciones SL"));
        bed.as(org, "rep", () -> bed.crm.activities().create(ActivityDraft.task("Llamar", RecordType.ACCOUNT, account,
                bed.fx.clock.instant().plusSeconds(3 * 86_400L))));
        Reason notAbsent = Reason.of(ReasonCode.TIMER_NOT_DUE, "Cover absences", Reason.of(ReasonCode.USER_NOT_ABSENT));

        assertThat(simulate(org, draft, Trigger.USER_ABSENT, org.rep())).satisfies(r -> {
            assertThat(r.actions()).isEmpty();
            assertThat(r.reasons()).containsExactly(notAbsent);
        });

        // Away from tomorrow: today the timer would not hand anything over yet.
        bed.as(org, "admin", () -> bed.rules.absences().markAbsent(org.rep(), bed.today().plusDays(1), bed.today().plusDays(5)));
        assertThat(simulate(org, draft, Trigger.USER_ABSENT, org.rep()).reasons()).containsExactly(notAbsent);

        bed.fx.clock.advanceDays(1);
        assertThat(simulate(org, draft, Trigger.USER_ABSENT, org.rep())).satisfies(r -> {
            assertThat(r.reasons()).doesNotContain(notAbsent);
            assertThat(r.actions()).extracting(PlannedAction::kind).containsExactly(ActionKind.REASSIGN_TASKS);
        });

        // Back after the last day of the absence: not due again.
        bed.fx.clock.advanceDays(5);
        assertThat(simulate(org, draft, Trigger.USER_ABSENT, org.rep()).reasons()).containsExactly(notAbsent);
    }

    private SimulatedRecord simulate(CrmFixture.Org org, RuleSetVersionView version, Trigger trigger, UUID record) {
        return bed.as(org, "admin", () -> bed.rules.simulator().automateExisting(version.id(), trigger, List.of(record)))
                .records().get(0);
    }

    @Test
    void anAbsentRepsTasksAreHandedOverAndOfferedBackOnReturn() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Cover absences", Trigger.USER_ABSENT, null, List.of(Criterion.of("role", Operator.EQUALS, "SALES_REP")),
                        List.of(RuleAction.reassignTasks(Assignee.leastLoaded(null)),
                                new RuleAction(ActionKind.RAISE_ALERT, null, "{name} is away: tasks reassigned", null,
                                        Assignee.user(org.manager()), AlertKind.REASSIGNED_AFTER_ABSENCE, Severity.INFO,
                                        null, null, null, null, null))))));
        UUID account = bed.account(org, "rep", AccountDraft.company("Cartera de Rep SL"));
        for (int i = 1; i <= 3; i++) {
            int n = i;
            bed.as(org, "rep", () -> bed.crm.activities().create(ActivityDraft.task("Tarea " + n, RecordType.ACCOUNT, account,
                    bed.fx.clock.instant().plusSeconds(86_400L * n))));
        }

        List<PlannedAction> handed = bed.as(org, "admin", () -> bed.rules.absences().markAbsent(org.rep(), bed.today(), bed.today().plusDays(5)));
        assertThat(handed).filteredOn(a -> a.kind() == ActionKind.REASSIGN_TASKS).hasSize(3)
                .allSatisfy(a -> assertThat(a.userId()).isEqualTo(org.rep2()));
        assertThat(bed.as(org, "manager", () -> bed.crm.alerts().mine())).extracting(AlertView::kind)
                .containsExactly(AlertKind.REASSIGNED_AFTER_ABSENCE);
        assertThat(bed.as(org, "rep2", () -> bed.crm.activities().tasks(new TaskQuery(org.rep2(), null, null), PageRequest.first(50))).items())
                .hasSize(3);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("nothing left to hand over").isEmpty();

        bed.fx.clock.advanceDays(6);
        List<HandoverView> offered = bed.as(org, "rep", () -> bed.rules.absences().markReturned(org.rep()));
        assertThat(offered).extracting(HandoverView::taskSubject).containsExactly("Tarea 1", "Tarea 2", "Tarea 3");
        bed.as(org, "rep", () -> bed.rules.absences().takeBack(org.rep(), List.of(offered.get(0).id(), offered.get(2).id())));
        assertThat(bed.as(org, "rep", () -> bed.rules.absences().offeredBack(org.rep()))).extracting(HandoverView::taskSubject)
                .containsExactly("Tarea 2");
        bed.as(org, "rep", () -> {
            bed.rules.absences().leaveWithColleagues(org.rep());
            return null;
        });
        assertThat(bed.as(org, "rep", () -> bed.rules.absences().offeredBack(org.rep()))).isEmpty();
        assertThat(bed.as(org, "rep", () -> bed.crm.activities().tasks(new TaskQuery(org.rep(), null, null), PageRequest.first(50))).items())
                .extracting(ActivityView::subject).containsExactly("Tarea 1", "Tarea 3");
    }

    @Test
    void bigNewDealsMoveToTheOfferStageAndOverdueTasksAlertTheirOwner() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Big deals straight to offer", Trigger.OPPORTUNITY_CREATED, null,
                        List.of(Criterion.of("amount", Operator.BETWEEN, "5000", "1000000")), List.of(RuleAction.changeStatus("oferta presentada"))),
                new AutomationRule("Overdue", Trigger.TASK_OVERDUE, null, List.of(Criterion.of("type", Operator.IN, "CALL", "TODO")),
                        List.of(RuleAction.alert(AlertKind.TASK_OVERDUE, Severity.WARNING, "Overdue: {subject}"))))));
        UUID account = bed.account(org, "rep", AccountDraft.company("Grande SL"));
        OpportunityView big = bed.as(org, "rep", () -> bed.crm.opportunities().create(OpportunityDraft.named("Grande", account, new BigDecimal("8000"))));
        OpportunityView small = bed.as(org, "rep", () -> bed.crm.opportunities().create(OpportunityDraft.named("Pequeña", account, new BigDecimal("800"))));
        assertThat(bed.as(org, "rep", () -> bed.crm.opportunities().get(big.id())).stageName()).isEqualTo("Oferta presentada");
        assertThat(bed.as(org, "rep", () -> bed.crm.opportunities().get(small.id())).stageName()).isEqualTo("En análisis");

        bed.as(org, "rep", () -> bed.crm.activities().create(ActivityDraft.task("Llamar a Grande", RecordType.ACCOUNT, account,
                bed.fx.clock.instant().plusSeconds(3_600))));
        assertThat(bed.rules.runTimers(org.tenant()).actions()).isEmpty();
        bed.fx.clock.advanceDays(1);
        assertThat(bed.rules.runTimers(org.tenant()).count(ActionKind.RAISE_ALERT)).isEqualTo(1);
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.TASK_OVERDUE);
            assertThat(a.messageArgs()).containsExactly("Overdue: Llamar a Grande");
        });
        AlertView seen = bed.as(org, "rep", () -> bed.crm.alerts().acknowledge(bed.crm.alerts().mine().get(0).id()));
        assertThat(seen.acknowledgedAt()).isNotNull();
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).isEmpty();
        assertThat(bed.rules.runTimers(org.tenant()).actions()).isEmpty();
    }

    @Test
    void theSimulatorShowsWhatAutomationWouldDoWithoutDoingIt() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetVersionView draft = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION, RuleSetContent.automation(List.of(
                new AutomationRule("Big deal won", Trigger.OPPORTUNITY_WON, null, List.of(Criterion.of("amount", Operator.BETWEEN, "10000", "999999")),
                        List.of(RuleAction.task(ActivityType.MEETING, "Kick-off {name}", 3, Assignee.roundRobin(org.teamA())),
                                RuleAction.email(Recipient.ADDRESS, "direccion@example.es", "Ganada: {name}", "{amount} EUR"))))), null, null));
        String before = bed.databaseFingerprint();
        SimulationReport report = bed.as(org, "admin", () -> bed.rules.simulator().automate(draft.id(), List.of(
                new SampleRecord("big", Trigger.OPPORTUNITY_WON, java.util.Map.of("name", "Hotel", "amount", "25000"), org.rep3()),
                new SampleRecord("small", Trigger.OPPORTUNITY_WON, java.util.Map.of("name", "Bar", "amount", "500"), org.rep3()),
                new SampleRecord("lost", Trigger.OPPORTUNITY_LOST, java.util.Map.of("name", "Hotel", "amount", "25000"), org.rep3()))));
        assertThat(bed.databaseFingerprint()).isEqualTo(before);
        assertThat(report.records().get(0).matchedRules()).containsExactly("Big deal won");
        assertThat(report.records().get(0).actions()).extracting(PlannedAction::kind).containsExactly(ActionKind.CREATE_TASK, ActionKind.SEND_EMAIL);
        assertThat(report.records().get(0).actions().get(0).detail()).satisfies(task -> {
            assertThat(task.code()).isEqualTo(ReasonCode.TASK_PLANNED);
            assertThat(task.args().subList(0, 2)).containsExactly(ActivityType.MEETING, "Kick-off Hotel");
            assertThat(task.args().get(3)).isEqualTo(Reason.of(ReasonCode.ROUND_ROBIN_TURN, task.args().get(2)));
            assertThat((String) task.args().get(2)).as("a team rep, by display name").startsWith("Rep");
        });
        assertThat(report.records().get(0).actions().get(1).detail())
                .isEqualTo(Reason.of(ReasonCode.EMAIL_PLANNED, "Ganada: Hotel", "direccion@example.es"));
        assertThat(report.records().get(1).matchedRules()).isEmpty();
        assertThat(report.records().get(2).matchedRules()).isEmpty();
    }
}
