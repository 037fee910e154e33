package dev.cartera.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.records.RecordRef;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Automation on quotes and customer documents: their events, the quote timers, the loop guard and the simulator (H2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteAutomationIntegrationTests {
    private static final Branding BRAND = new Branding("Frutas Ana SL", null, "#2e7d32", "CIF B58378431");

    private RulesTestbed bed;

    @BeforeAll
    void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    /** A customer owned by {@code user}, a deal of theirs and a quote for it of {@code price} + 21 % IVA, not yet sent. */
    private record Sale(UUID account, OpportunityView deal, QuoteView quote) {
    }

    private Sale sale(CrmFixture.Org org, String user, String customer, String price, LocalDate validUntil) {
        UUID account = bed.account(org, user, new AccountDraft(AccountKind.COMPANY, customer, null, null,
                "compras@" + customer.toLowerCase().replace(' ', '-') + ".es", null, null, null, "Sevilla", null, "Sevilla", null, null,
                null, true, false, false, null, null, "retail", null));
        OpportunityView deal = bed.as(org, user, () -> bed.crm.opportunities().create(OpportunityDraft.named("Equipos " + customer, account, null)));
        QuoteView quote = bed.as(org, user, () -> bed.crm.quotes().create(QuoteDraft.forDeal(deal.id(),
                List.of(QuoteLineDraft.freeText("Portátiles", "1", price, "IVA21"))).withValidUntil(validUntil)));
        return new Sale(account, deal, quote);
    }

    private String send(CrmFixture.Org org, String user, QuoteView quote) {
        SentQuote sent = bed.as(org, user, () -> bed.crm.quotes().send(quote.id(), null, new SendQuote("cliente@example.es", null, BRAND)));
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }

    private List<ActivityView> tasksOfDeal(CrmFixture.Org org, UUID deal) {
        return bed.as(org, "admin", () -> bed.crm.activities().ofRecord(RecordType.OPPORTUNITY, deal));
    }

    private void giveDealTo(CrmFixture.Org org, UUID deal, UUID user) {
        bed.crm.transactions().asSystem(org.tenant(), work -> {
            work.em().find(Opportunity.class, deal).setOwnerId(user);
            return null;
        });
    }

    private static AutomationRule followUp(int days) {
        return new AutomationRule("Follow up unanswered quote", Trigger.QUOTE_UNANSWERED, days, List.of(),
                List.of(RuleAction.task(ActivityType.CALL, "Llamar por {name} ({account}): {days} días sin respuesta", 1, null)));
    }

    /** The issue's "done when": two days after a quote is sent with no answer, a follow-up call task for the deal owner. */
    @Test
    void twoDaysAfterAnUnansweredQuoteTheDealOwnerGetsExactlyOneFollowUpCall() {
        CrmFixture.Org org = bed.newOrg();
        CrmFixture.Org other = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(followUp(2))));
        LocalDate validUntil = bed.today().plusDays(30);
        Sale unanswered = sale(org, "rep", "Librería Sol", "1000", validUntil);
        Sale accepted = sale(org, "rep", "Papelería Luna", "1000", validUntil);
        Sale rejected = sale(org, "rep", "Imprenta Mar", "1000", validUntil);
        Sale viewed = sale(org, "rep", "Copistería Río", "1000", validUntil);
        Sale otherTenant = sale(other, "rep", "Ajena SL", "1000", validUntil);
        send(org, "rep", unanswered.quote());
        String acceptToken = send(org, "rep", accepted.quote());
        String rejectToken = send(org, "rep", rejected.quote());
        String viewToken = send(org, "rep", viewed.quote());
        send(other, "rep", otherTenant.quote());
        // Tenant B's quote has the same number as tenant A's unanswered one; its new version replaces only B's.
        assertThat(otherTenant.quote().number()).isEqualTo(unanswered.quote().number());
        bed.as(other, "rep", () -> bed.crm.quotes().newVersion(otherTenant.quote().id()));
        // The deal changed hands after the quote was made: the follow-up goes to whoever owns the deal now.
        giveDealTo(org, unanswered.deal().id(), org.rep2());

        bed.fx.clock.advanceDays(1);
        bed.crm.quotes().acceptByToken(acceptToken, "Lucía Luna", "203.0.113.7");
        bed.crm.quotes().rejectByToken(rejectToken, "Marina Mar", null, "Muy caro");
        bed.crm.quotes().viewByToken(viewToken);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("day 1: too early").isEmpty();

        bed.fx.clock.advanceDays(1);
        TimerReport day2 = bed.rules.runTimers(org.tenant());
        assertThat(day2.count(ActionKind.CREATE_TASK)).as("the sent and the merely viewed quote").isEqualTo(2);
        assertThat(tasksOfDeal(org, unanswered.deal().id())).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(ActivityType.CALL);
            assertThat(t.subject()).isEqualTo("Llamar por " + unanswered.quote().number() + " (Librería Sol): 2 días sin respuesta");
            assertThat(t.ownerId()).isEqualTo(org.rep2());
            assertThat(t.dueAt()).isEqualTo(bed.fx.clock.instant().plusSeconds(86_400));
            assertThat(t.automatic()).isTrue();
        });
        assertThat(tasksOfDeal(org, viewed.deal().id())).hasSize(1);
        assertThat(tasksOfDeal(org, accepted.deal().id())).as("accepted: answered").isEmpty();
        assertThat(tasksOfDeal(org, rejected.deal().id())).as("rejected: answered").isEmpty();

        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("running the timer again").isEmpty();
        bed.fx.clock.advanceDays(5);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("once per quote and rule, however long it waits").isEmpty();
        assertThat(tasksOfDeal(org, unanswered.deal().id())).hasSize(1);

        assertThat(bed.rules.runTimers(other.tenant()).actions()).as("tenant B has no rules").isEmpty();
        assertThat(tasksOfDeal(other, otherTenant.deal().id())).isEmpty();
    }

    @Test
    void anExpiredOrReplacedQuoteIsNotUnansweredAndAnExpiringOneWarnsOnce() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(followUp(3),
                new AutomationRule("Quote expiring", Trigger.QUOTE_EXPIRING, 2, List.of(Criterion.of("amount", Operator.BETWEEN, "500", "5000")),
                        List.of(RuleAction.alert(AlertKind.QUOTE_EXPIRING, Severity.WARNING, "{name} caduca en {daysLeft} días ({gross} EUR)"))))));
        Sale shortLived = sale(org, "rep", "Breve SL", "1000", bed.today().plusDays(2));
        Sale replaced = sale(org, "rep", "Versiones SL", "1000", bed.today().plusDays(30));
        Sale cheap = sale(org, "rep", "Barato SL", "100", bed.today().plusDays(4));
        send(org, "rep", shortLived.quote());
        send(org, "rep", replaced.quote());
        send(org, "rep", cheap.quote());
        QuoteView v2 = bed.as(org, "rep", () -> bed.crm.quotes().newVersion(replaced.quote().id()));

        TimerReport today = bed.rules.runTimers(org.tenant());
        assertThat(today.actions()).extracting(PlannedAction::rule, PlannedAction::kind)
                .containsExactly(tuple("Quote expiring", ActionKind.RAISE_ALERT));
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).singleElement().satisfies((AlertView a) -> {
            assertThat(a.kind()).isEqualTo(AlertKind.QUOTE_EXPIRING);
            assertThat(a.recordType()).isEqualTo(RecordType.QUOTE);
            assertThat(a.recordId()).isEqualTo(shortLived.quote().id());
            assertThat(a.messageArgs()).containsExactly(shortLived.quote().number() + " caduca en 2 días (1210 EUR)");
        });
        bed.fx.clock.advanceDays(1);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).as("once per quote and rule").isEmpty();

        // Day 3: the short-lived quote's last day has passed (expired, even before the expiry job marks it); the
        // replaced version is superseded by v2, a draft; the cheap one does not match the expiring rule's amount.
        bed.fx.clock.advanceDays(2);
        assertThat(bed.rules.runTimers(org.tenant()).actions()).extracting(PlannedAction::rule).containsExactly("Follow up unanswered quote");
        assertThat(tasksOfDeal(org, cheap.deal().id())).hasSize(1);
        assertThat(tasksOfDeal(org, shortLived.deal().id())).isEmpty();
        assertThat(tasksOfDeal(org, replaced.deal().id())).isEmpty();
        assertThat(v2.status()).isEqualTo(QuoteStatus.DRAFT);
    }

    @Test
    void quoteEventsFireTheirRulesAfterCommit() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Sent big quote", Trigger.QUOTE_SENT, null, List.of(Criterion.of("amount", Operator.BETWEEN, "10000", "999999")),
                        List.of(RuleAction.alert(AlertKind.CUSTOM, Severity.INFO, "Enviado {name} a {account} por {amount}"))),
                new AutomationRule("Accepted", Trigger.QUOTE_ACCEPTED, null, List.of(Criterion.of("status", Operator.EQUALS, "ACCEPTED")),
                        List.of(RuleAction.task(ActivityType.MEETING, "Kick-off {deal}", 3, null),
                                RuleAction.email(Recipient.RECORD, null, "Gracias por aceptar {number}", "Le llamaremos."))),
                new AutomationRule("Rejected", Trigger.QUOTE_REJECTED, null, List.of(),
                        List.of(RuleAction.changeStatus("En negociación"), RuleAction.task(ActivityType.CALL, "Por qué no: {name}", 1, null))),
                new AutomationRule("Expired", Trigger.QUOTE_EXPIRED, null, List.of(Criterion.of("province", Operator.EQUALS, "Sevilla")),
                        List.of(RuleAction.email(Recipient.OWNER, null, "Caducado {name}", "El presupuesto {number} ha caducado."))))));
        Sale big = sale(org, "rep", "Grande SL", "20000", bed.today().plusDays(30));
        Sale small = sale(org, "rep", "Chica SL", "2000", bed.today().plusDays(30));
        Sale lapsing = sale(org, "rep", "Lenta SL", "2000", bed.today().plusDays(1));

        String bigToken = send(org, "rep", big.quote());
        String smallToken = send(org, "rep", small.quote());
        send(org, "rep", lapsing.quote());
        assertThat(bed.as(org, "rep", () -> bed.crm.alerts().mine())).singleElement()
                .satisfies(a -> assertThat(a.messageArgs()).containsExactly("Enviado " + big.quote().number() + " a Grande SL por 20000"));

        int mails = bed.mails.size();
        bed.crm.quotes().acceptByToken(bigToken, "Gran Jefe", null);
        assertThat(tasksOfDeal(org, big.deal().id())).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Kick-off Equipos Grande SL");
            assertThat(t.ownerId()).isEqualTo(org.rep());
        });
        assertThat(bed.mails.subList(mails, bed.mails.size())).extracting(m -> m.to(), m -> m.subject())
                .containsExactly(tuple("compras@grande-sl.es", "Gracias por aceptar " + big.quote().number()));

        bed.crm.quotes().rejectByToken(smallToken, "Chico", null, "Caro");
        assertThat(bed.as(org, "rep", () -> bed.crm.opportunities().get(small.deal().id())).stageName()).isEqualTo("En negociación");
        assertThat(tasksOfDeal(org, small.deal().id())).extracting(ActivityView::subject).containsExactly("Por qué no: " + small.quote().number());

        bed.fx.clock.advanceDays(2);
        mails = bed.mails.size();
        assertThat((int) bed.crm.asSystem(org.tenant(), crm -> crm.quotes().expireOverdue())).isEqualTo(1);
        assertThat(bed.mails.subList(mails, bed.mails.size())).extracting(m -> m.to(), m -> m.subject())
                .containsExactly(tuple("rep@example.es", "Caducado " + lapsing.quote().number()));
    }

    @Test
    void aRejectedQuoteStartsAChainThatTheLoopGuardStops() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Rejected to negotiation", Trigger.QUOTE_REJECTED, null, List.of(),
                        List.of(RuleAction.changeStatus("En negociación"), RuleAction.task(ActivityType.TODO, "Rejected {number}", 0, null))),
                new AutomationRule("Ping", Trigger.OPPORTUNITY_STAGE_CHANGED, null, List.of(Criterion.of("stage", Operator.EQUALS, "En negociación")),
                        List.of(RuleAction.changeStatus("Oferta presentada"), RuleAction.task(ActivityType.TODO, "Ping {stage}", 0, null))),
                new AutomationRule("Pong", Trigger.OPPORTUNITY_STAGE_CHANGED, null, List.of(Criterion.of("stage", Operator.EQUALS, "Oferta presentada")),
                        List.of(RuleAction.changeStatus("En negociación"), RuleAction.task(ActivityType.TODO, "Pong {stage}", 0, null))))));
        Sale sale = sale(org, "rep", "Bucle SL", "900", bed.today().plusDays(30));
        String token = send(org, "rep", sale.quote());

        bed.crm.quotes().rejectByToken(token, "Cliente", null, null);

        // rejected → negotiation → Ping → offer → Pong → negotiation → Ping again: same rule, same deal, same chain: stopped.
        assertThat(tasksOfDeal(org, sale.deal().id())).extracting(ActivityView::subject)
                .containsExactlyInAnyOrder("Rejected " + sale.quote().number(), "Ping En negociación", "Pong Oferta presentada");
        assertThat(bed.as(org, "rep", () -> bed.crm.opportunities().get(sale.deal().id())).stageName()).isEqualTo("En negociación");
    }

    @Test
    void aCustomersUploadFiresTheDocumentRuleAndARepsOwnUploadDoesNot() {
        CrmFixture.Org org = bed.newOrg();
        bed.activate(org, RuleSetContent.automation(List.of(
                new AutomationRule("Customer sent papers", Trigger.DOCUMENT_UPLOADED_BY_CUSTOMER, null,
                        List.of(Criterion.of("mediaType", Operator.CONTAINS, "pdf"), Criterion.of("segment", Operator.EQUALS, "retail")),
                        List.of(RuleAction.task(ActivityType.TODO, "Revisar {name} de {account}", 1, null),
                                RuleAction.email(Recipient.OWNER, null, "Documento de {account}", "{name}, {size} bytes"))))));
        Sale sale = sale(org, "rep2", "Papeles SL", "100", bed.today().plusDays(30));
        String token = bed.as(org, "rep2", () -> bed.crm.customerUploads().createLink(sale.account(), Duration.ofDays(7)).token());
        int mails = bed.mails.size();

        bed.crm.customerUploads().upload(token, "escrituras.pdf", new ByteArrayInputStream(pdf()));
        bed.crm.customerUploads().upload(token, "nota.txt", new ByteArrayInputStream("hola".getBytes(StandardCharsets.UTF_8)));
        bed.as(org, "rep2", () -> bed.crm.documents().upload("propio.pdf", DocumentCategory.OTHER,
                List.of(new RecordRef(RecordType.ACCOUNT, sale.account())), new ByteArrayInputStream(pdf())));

        assertThat(bed.as(org, "rep2", () -> bed.crm.activities().ofRecord(RecordType.ACCOUNT, sale.account())))
                .singleElement().satisfies(t -> {
                    assertThat(t.subject()).isEqualTo("Revisar escrituras.pdf de Papeles SL");
                    assertThat(t.ownerId()).isEqualTo(org.rep2());
                });
        assertThat(bed.mails.subList(mails, bed.mails.size())).extracting(m -> m.to(), m -> m.subject())
                .containsExactly(tuple("rep2@example.es", "Documento de Papeles SL"));
    }

    @Test
    void theSimulatorPredictsQuoteAndDocumentRulesAndWritesNothing() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetVersionView draft = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION,
                RuleSetContent.automation(List.of(followUp(2),
                        new AutomationRule("Big sent", Trigger.QUOTE_SENT, null, List.of(Criterion.of("gross", Operator.BETWEEN, "10000", "99999")),
                                List.of(RuleAction.changeStatus("Oferta presentada"))),
                        new AutomationRule("Upload", Trigger.DOCUMENT_UPLOADED_BY_CUSTOMER, null, List.of(),
                                List.of(RuleAction.alert(AlertKind.DOCUMENT_UPLOADED, Severity.INFO, "{name}"))))), null, null));
        Sale sale = sale(org, "rep", "Simulada SL", "1000", bed.today().plusDays(30));
        send(org, "rep", sale.quote());
        bed.fx.clock.advanceDays(1);
        SimulationReport early = bed.as(org, "admin", () -> bed.rules.simulator().automateExisting(draft.id(), Trigger.QUOTE_UNANSWERED,
                List.of(sale.quote().id())));
        assertThat(early.records()).singleElement().satisfies(r -> {
            assertThat(r.actions()).isEmpty();
            assertThat(r.reasons()).contains(Reason.of(ReasonCode.TIMER_NOT_DUE, "Follow up unanswered quote",
                    Reason.of(ReasonCode.QUOTE_ANSWER_NOT_OVERDUE, 1L, 2)));
        });
        bed.fx.clock.advanceDays(1);

        String before = bed.databaseFingerprint();
        SimulationReport existing = bed.as(org, "admin", () -> bed.rules.simulator().automateExisting(draft.id(), Trigger.QUOTE_UNANSWERED,
                List.of(sale.quote().id())));
        SimulationReport samples = bed.as(org, "admin", () -> bed.rules.simulator().automate(draft.id(), List.of(
                new SampleRecord("big", Trigger.QUOTE_SENT, Map.of("name", "P-1", "gross", "12100"), org.rep()),
                new SampleRecord("small", Trigger.QUOTE_SENT, Map.of("name", "P-2", "gross", "121"), org.rep()),
                new SampleRecord("upload", Trigger.DOCUMENT_UPLOADED_BY_CUSTOMER, Map.of("name", "dni.pdf"), org.rep()))));
        assertThat(bed.databaseFingerprint()).isEqualTo(before);
        // Activated, the same version acts for real: the simulation left no "already done" mark behind.
        bed.as(org, "admin", () -> bed.rules.ruleSets().activate(draft.id()));
        assertThat(bed.rules.runTimers(org.tenant()).actions()).extracting(PlannedAction::kind).containsExactly(ActionKind.CREATE_TASK);

        assertThat(existing.records()).singleElement().satisfies(r -> {
            assertThat(r.matchedRules()).containsExactly("Follow up unanswered quote");
            assertThat(r.actions()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(ActionKind.CREATE_TASK);
                assertThat(a.userId()).isEqualTo(org.rep());
                assertThat(a.detail().code()).isEqualTo(ReasonCode.TASK_PLANNED);
                assertThat((String) a.detail().args().get(1)).contains("2 días sin respuesta");
            });
        });
        assertThat(samples.records()).extracting(SimulatedRecord::matchedRules)
                .containsExactly(List.of("Big sent"), List.of(), List.of("Upload"));
        assertThat(samples.records().get(0).actions()).extracting(PlannedAction::detail)
                .containsExactly(Reason.of(ReasonCode.STAGE_PLANNED, "Oferta presentada"));
    }

    @Test
    void quoteRulesAreCheckedByName() {
        CrmFixture.Org org = bed.newOrg();
        RuleSetVersionView bad = bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION, RuleSetContent.automation(List.of(
                new AutomationRule("No days", Trigger.QUOTE_UNANSWERED, null, List.of(),
                        List.of(RuleAction.task(ActivityType.CALL, "x", 0, null))),
                new AutomationRule("Expiring without days", Trigger.QUOTE_EXPIRING, null, List.of(),
                        List.of(RuleAction.task(ActivityType.CALL, "x", 0, null))),
                new AutomationRule("Document status", Trigger.DOCUMENT_UPLOADED_BY_CUSTOMER, null, List.of(),
                        List.of(RuleAction.changeStatus("En negociación"))),
                new AutomationRule("Lead field on a quote", Trigger.QUOTE_SENT, null, List.of(Criterion.of("companySize", Operator.EQUALS, "3")),
                        List.of(RuleAction.task(ActivityType.CALL, "x", 0, null))),
                new AutomationRule("Fine", Trigger.QUOTE_ACCEPTED, null, List.of(Criterion.of("owner", Operator.EQUALS, "rep")),
                        List.of(RuleAction.changeStatus("En negociación"))))), null, null));
        assertThat(bed.as(org, "admin", () -> bed.rules.ruleSets().validate(bad.id()))).extracting(RuleError::rule)
                .containsExactly("No days", "Expiring without days", "Document status", "Lead field on a quote");
    }

    /** The smallest PDF Tika recognises as one. */
    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }
}
