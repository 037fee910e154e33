package dev.cartera.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.records.RecordRef;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The automation simulator writes nothing and sends nothing, whatever the trigger (quotes and customer documents
 * included), the records and whether the version is a draft or live: row counts and row versions of every table
 * before = after, no e-mail (H2, a tenant per try).
 */
class AutomationSimulatorProperties {
    private static RulesTestbed bed;

    @BeforeContainer
    static void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
    }

    @AfterContainer
    static void stop() {
        bed.close();
    }

    /** One rule per trigger, each with every action its trigger allows, so every simulated path is walked. */
    private static RuleSetContent everyTrigger(CrmFixture.Org org) {
        List<AutomationRule> rules = new ArrayList<>();
        for (Trigger t : Trigger.values()) {
            List<RuleAction> actions = new ArrayList<>();
            if (t == Trigger.USER_ABSENT) {
                actions.add(RuleAction.reassignTasks(Assignee.leastLoaded(null)));
            } else {
                actions.add(RuleAction.task(ActivityType.CALL, "Tarea {name}", 2, t.recordType() == RecordType.USER ? null
                        : Assignee.roundRobin(org.teamA())));
                RecordType type = t.recordType();
                if (type == RecordType.LEAD) {
                    actions.add(RuleAction.changeStatus("CONTACTED"));
                } else if (type == RecordType.OPPORTUNITY || type == RecordType.QUOTE) {
                    actions.add(RuleAction.changeStatus("En negociación"));
                }
                if (type != RecordType.ACTIVITY) {
                    actions.add(RuleAction.email(Recipient.RECORD, null, "Hola {name}", "{amount}"));
                }
            }
            actions.add(RuleAction.alert(AlertKind.CUSTOM, Severity.INFO, "{name}"));
            actions.add(RuleAction.email(Recipient.OWNER, null, "Aviso {name}", "{days}"));
            Integer days = t == Trigger.CUSTOMER_NOT_CONTACTED || t == Trigger.QUOTE_UNANSWERED ? Integer.valueOf(1)
                    : t == Trigger.QUOTE_EXPIRING ? Integer.valueOf(5) : null;
            rules.add(new AutomationRule("On " + t, t, days, List.of(), actions));
        }
        return RuleSetContent.automation(rules);
    }

    /** Real records of every kind a trigger is about. */
    private static Map<RecordType, List<UUID>> records(CrmFixture.Org org) {
        Map<RecordType, List<UUID>> out = new EnumMap<>(RecordType.class);
        UUID account = bed.account(org, "rep", AccountDraft.company("Simulada SL"));
        UUID lead = bed.as(org, "rep", () -> bed.crm.leads().create(Leads.lead("Lead SL", "Madrid", "web")).id());
        UUID deal = bed.as(org, "rep", () -> bed.crm.opportunities().create(OpportunityDraft.named("Trato", account, new BigDecimal("500"))).id());
        UUID quote = bed.as(org, "rep", () -> bed.crm.quotes().create(QuoteDraft.forDeal(deal,
                List.of(QuoteLineDraft.freeText("Servicio", "1", "300", "IVA21")))).id());
        bed.as(org, "rep", () -> bed.crm.quotes().send(quote, null, new SendQuote("c@example.es", null,
                new Branding("Cartera", null, "#000000", null))));
        UUID task = bed.as(org, "rep", () -> bed.crm.activities().create(ActivityDraft.task("Llamar", RecordType.ACCOUNT, account,
                bed.fx.clock.instant().minusSeconds(3_600))).id());
        String token = bed.as(org, "rep", () -> bed.crm.customerUploads().createLink(account, java.time.Duration.ofDays(2)).token());
        UUID document = bed.crm.customerUploads().upload(token, "dni.pdf", new ByteArrayInputStream(
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).id();
        UUID other = bed.as(org, "rep", () -> bed.crm.documents().upload("propio.pdf", dev.cartera.core.document.DocumentCategory.OTHER,
                List.of(new RecordRef(RecordType.ACCOUNT, account)), new ByteArrayInputStream(
                        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).id());
        out.put(RecordType.LEAD, List.of(lead));
        out.put(RecordType.OPPORTUNITY, List.of(deal));
        out.put(RecordType.ACCOUNT, List.of(account));
        out.put(RecordType.QUOTE, List.of(quote));
        out.put(RecordType.ACTIVITY, List.of(task));
        out.put(RecordType.DOCUMENT, List.of(document, other));
        out.put(RecordType.USER, List.of(org.rep(), org.rep2()));
        return out;
    }

    @Provide
    Arbitrary<SampleRecord> samples() {
        Arbitrary<Map<String, String>> fields = Arbitraries.maps(
                Arbitraries.of("name", "amount", "gross", "status", "stage", "source", "province", "days", "daysLeft", "mediaType", "owner"),
                Arbitraries.of("Hotel", "25000", "12", "SENT", "ACCEPTED", "web", "Sevilla", "2", "application/pdf", "rep", ""))
                .ofMaxSize(5);
        return Combinators.combine(Arbitraries.of(Trigger.class), fields)
                .as((trigger, f) -> new SampleRecord(trigger.name(), trigger, f, null));
    }

    @Property(tries = 6)
    void theAutomationSimulatorNeverChangesTheDatabaseNorSendsMail(@ForAll @Size(max = 12) List<@From("samples") SampleRecord> samples,
            @ForAll @Size(min = 1, max = 4) List<Trigger> existingTriggers, @ForAll boolean live) {
        CrmFixture.Org org = bed.newOrg();
        Map<RecordType, List<UUID>> records = records(org);
        RuleSetVersionView version = live ? bed.activate(org, everyTrigger(org))
                : bed.as(org, "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.AUTOMATION, everyTrigger(org), null, null));
        // Owners as typed in: some samples have one, some do not.
        List<SampleRecord> typed = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleRecord s = samples.get(i);
            typed.add(new SampleRecord(s.label(), s.trigger(), s.fields(), i % 2 == 0 ? org.rep() : null));
        }
        String before = bed.databaseFingerprint();
        int mails = bed.mails.size();

        SimulationReport typedReport = bed.as(org, "admin", () -> bed.rules.simulator().automate(version.id(), typed));
        List<SimulationReport> existing = new ArrayList<>();
        for (Trigger t : existingTriggers) {
            existing.add(bed.as(org, "admin", () -> bed.rules.simulator().automateExisting(version.id(), t,
                    records.getOrDefault(t.recordType(), List.of()))));
        }

        assertThat(bed.databaseFingerprint()).isEqualTo(before);
        assertThat(bed.mails).hasSize(mails);
        // Every record was simulated, and every rule is unconditional: each matched its own trigger's rule.
        assertThat(typedReport.records()).hasSize(typed.size());
        for (int i = 0; i < typed.size(); i++) {
            assertThat(typedReport.records().get(i).matchedRules()).containsExactly("On " + typed.get(i).trigger());
        }
        for (int k = 0; k < existingTriggers.size(); k++) {
            Trigger t = existingTriggers.get(k);
            assertThat(existing.get(k).records()).hasSize(records.getOrDefault(t.recordType(), List.of()).size())
                    .allSatisfy(r -> assertThat(r.matchedRules()).containsExactly("On " + t));
        }
    }
}
