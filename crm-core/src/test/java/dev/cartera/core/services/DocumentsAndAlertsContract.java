package dev.cartera.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertEvents;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.MyDay;
import dev.cartera.core.document.UploadLinkView;
import dev.cartera.core.spi.Mailer;
import biweekly.Biweekly;
import biweekly.ICalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.DocumentContent;
import dev.cartera.core.document.DocumentQuery;
import dev.cartera.core.document.DocumentRejectedException;
import dev.cartera.core.document.DocumentView;
import dev.cartera.core.records.RecordRef;
import dev.cartera.core.testing.TwoTenantContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents (KD-7) and alerts (KD-6) on a real database; run for H2 and PostgreSQL. */
abstract class DocumentsAndAlertsContract extends TwoTenantContract {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private AccountView account;

    @BeforeEach
    void anAccountOfTheRep() {
        fx.session.as(org.tenant(), "rep");
        account = crm.accounts().create(AccountDraft.company("Clínica Dental Sonrisa SL"));
        fx.events.clear();
    }

    private static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private List<RecordRef> onAccount() {
        return List.of(new RecordRef(RecordType.ACCOUNT, account.id()));
    }

    @Test
    void uploadsADocumentSniffedFromItsContentAndReadsItBack() throws IOException {
        DocumentView doc = crm.documents().upload("../../contrato firmado.pdf", DocumentCategory.CONTRACT, onAccount(), bytes(PDF));

        assertThat(doc.name()).isEqualTo("contrato firmado.pdf");
        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.sizeBytes()).isEqualTo(PDF.length);
        assertThat(doc.links()).containsExactly(new RecordRef(RecordType.ACCOUNT, account.id()));
        assertThat(crm.documents().ofRecord(RecordType.ACCOUNT, account.id())).extracting(DocumentView::id).containsExactly(doc.id());
        DocumentContent content = crm.documents().download(doc.id());
        try (InputStream in = content.stream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void htmlRenamedToPdfEmptyAndOversizedUploadsAreRefusedLeavingNothing() {
        int before = fx.documents.size();
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> crm.documents().upload("factura.pdf", DocumentCategory.INVOICE, onAccount(), bytes(html)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code()).isEqualTo("document.type-not-allowed"));
        assertThatThrownBy(() -> crm.documents().upload("vacio.pdf", DocumentCategory.OTHER, onAccount(), bytes(new byte[0])))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code()).isEqualTo("document.empty"));
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThatThrownBy(() -> crm.documents().upload("grande.pdf", DocumentCategory.OTHER, onAccount(), bytes(huge)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code()).isEqualTo("document.too-large"));

        assertThat(fx.documents.size()).isEqualTo(before);
        assertThat(crm.documents().search(DocumentQuery.all(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void anUploadWhoseRecordCannotBeWrittenLeavesNoRowAndNoBlob() {
        int before = fx.documents.size();
        UUID missingAccount = UUID.randomUUID();
        assertThatThrownBy(() -> crm.documents().upload("x.pdf", DocumentCategory.OTHER,
                List.of(new RecordRef(RecordType.ACCOUNT, missingAccount)), bytes(PDF))).isInstanceOf(NotFoundException.class);
        assertThat(fx.documents.size()).isEqualTo(before);
    }

    @Test
    void oddFileNamesAreMadeSafe() {
        String longName = "a".repeat(300) + ".pdf";
        assertThat(crm.documents().upload(longName, null, onAccount(), bytes(PDF)).name()).hasSize(200).endsWith(".pdf");
        assertThat(crm.documents().upload("nul\u0000byte.pdf", null, onAccount(), bytes(PDF)).name()).isEqualTo("nulbyte.pdf");
        assertThat(crm.documents().upload("presupuesto 😀.pdf", null, onAccount(), bytes(PDF)).name()).isEqualTo("presupuesto 😀.pdf");
        assertThat(crm.documents().upload("..", null, onAccount(), bytes(PDF)).name()).isEqualTo("documento");
    }

    @Test
    void anotherTenantNeverReachesADocumentEvenByIdOrChecksum() {
        DocumentView doc = crm.documents().upload("dni.pdf", DocumentCategory.ID_DOCUMENT, onAccount(), bytes(PDF));
        fx.session.as(otherOrg.tenant(), "director");
        assertThatThrownBy(() -> crm.documents().download(doc.id())).isInstanceOf(NotFoundException.class);
        assertThat(crm.documents().search(new DocumentQuery(null, null, null, null, false), PageRequest.first(10)).total()).isZero();
        assertThat(fx.documents.exists(otherOrg.tenant(), doc.sha256())).isFalse();
        fx.session.as(org.tenant(), "rep3");
        assertThatThrownBy(() -> crm.documents().get(doc.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void versionsLinksAndSoftDelete() {
        DocumentView v1 = crm.documents().upload("oferta.pdf", DocumentCategory.OFFER, onAccount(), bytes(PDF));
        byte[] changed = (new String(PDF, StandardCharsets.US_ASCII) + "% v2\n").getBytes(StandardCharsets.US_ASCII);
        DocumentView v2 = crm.documents().newVersion(v1.id(), "oferta v2.pdf", bytes(changed));
        assertThat(v2.versionNo()).isEqualTo(2);
        assertThat(crm.documents().versions(v2.id())).extracting(DocumentView::id).containsExactly(v2.id(), v1.id());

        DocumentView linked = crm.documents().link("Contrato en SharePoint", "https://empresa.sharepoint.com/contrato", DocumentCategory.CONTRACT, onAccount());
        assertThat(linked.external()).isTrue();
        assertThatThrownBy(() -> crm.documents().link("x", "javascript:alert(1)", null, onAccount())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.documents().download(linked.id())).isInstanceOf(NotFoundException.class);

        fx.session.as(org.tenant(), "manager");
        crm.documents().delete(v1.id());
        assertThat(crm.documents().ofRecord(RecordType.ACCOUNT, account.id())).extracting(DocumentView::id).containsExactlyInAnyOrder(v2.id(), linked.id());
        assertThat(crm.documents().search(new DocumentQuery(null, null, account.id(), null, true), PageRequest.first(10)).items())
                .extracting(DocumentView::id).containsExactly(v1.id());
        crm.documents().restore(v1.id());
        assertThat(crm.documents().ofRecord(RecordType.ACCOUNT, account.id())).hasSize(3);
    }

    @Test
    void alertsAreRaisedOncePerSituationAndBelongToTheirUser() {
        fx.session.as(org.tenant(), "manager");
        AlertView raised = crm.alerts().raise(AlertDraft.of(AlertKind.TASK_OVERDUE, org.rep(), RecordType.ACCOUNT, account.id(), account.id(), "Llamar"));
        AlertView again = crm.alerts().raise(AlertDraft.of(AlertKind.TASK_OVERDUE, org.rep(), RecordType.ACCOUNT, account.id(), account.id(), "Llamar"));
        assertThat(again.id()).isEqualTo(raised.id());
        assertThat(raised.icon()).isEqualTo("alarm");
        assertThat(raised.severity()).isEqualTo(Severity.WARNING);
        assertThat(raised.messageArgs()).containsExactly("Llamar");
        assertThat(fx.events).filteredOn(AlertEvents.AlertRaised.class::isInstance).hasSize(1);

        fx.session.as(org.tenant(), "rep");
        assertThat(crm.alerts().myCount()).isEqualTo(1);
        assertThat(crm.alerts().onRecord(RecordType.ACCOUNT, account.id())).extracting(AlertView::id).containsExactly(raised.id());
        crm.alerts().snooze(raised.id(), fx.clock.instant().plusSeconds(3600));
        assertThat(crm.alerts().myCount()).isZero();
        fx.clock.advanceDays(1);
        assertThat(crm.alerts().mine()).extracting(AlertView::id).containsExactly(raised.id());
        assertThatThrownBy(() -> crm.alerts().snooze(raised.id(), fx.clock.instant().minusSeconds(1))).isInstanceOf(ValidationException.class);

        fx.session.as(org.tenant(), "rep2");
        assertThatThrownBy(() -> crm.alerts().acknowledge(raised.id())).isInstanceOf(NotFoundException.class);
        fx.session.as(otherOrg.tenant(), "director");
        assertThatThrownBy(() -> crm.alerts().acknowledge(raised.id())).isInstanceOf(NotFoundException.class);

        fx.session.as(org.tenant(), "rep");
        assertThat(crm.alerts().acknowledge(raised.id()).acknowledgedAt()).isNotNull();
        assertThat(crm.alerts().myCount()).isZero();
        AlertView fresh = crm.alerts().raise(AlertDraft.of(AlertKind.TASK_OVERDUE, org.rep(), RecordType.ACCOUNT, account.id(), account.id(), "Llamar"));
        assertThat(fresh.id()).isNotEqualTo(raised.id());
    }

    @Test
    void aCustomerUploadsThroughTheirLinkAndTheOwnerIsAlerted() {
        fx.session.as(org.tenant(), "rep");
        UploadLinkView link = crm.customerUploads().createLink(account.id(), Duration.ofDays(7));
        assertThat(link.token()).startsWith(org.tenant() + ".");
        assertThat(crm.customerUploads().linksOf(account.id())).extracting(UploadLinkView::token).containsOnlyNulls();

        fx.session.as(org.tenant(), null);
        assertThat(crm.customerUploads().open(link.token())).hasValueSatisfying(u -> {
            assertThat(u.customerName()).isEqualTo("Clínica Dental Sonrisa SL");
            assertThat(u.uploadsLeft()).isEqualTo(20);
        });
        DocumentView uploaded = crm.customerUploads().upload(link.token(), "contrato firmado.pdf", bytes(PDF));
        assertThat(uploaded.providedByCustomer()).isTrue();
        assertThat(uploaded.ownerId()).isEqualTo(org.rep());

        fx.session.as(org.tenant(), "rep");
        assertThat(crm.documents().ofRecord(RecordType.ACCOUNT, account.id())).extracting(DocumentView::id).containsExactly(uploaded.id());
        assertThat(crm.alerts().mine()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DOCUMENT_UPLOADED);
            assertThat(a.messageArgs()).containsExactly("Clínica Dental Sonrisa SL", "contrato firmado.pdf");
        });
    }

    @Test
    void expiredRevokedTamperedAndForeignUploadLinksAreRefused() {
        fx.session.as(org.tenant(), "rep");
        UploadLinkView link = crm.customerUploads().createLink(account.id(), Duration.ofDays(1));
        String tampered = link.token().substring(0, link.token().length() - 1) + (link.token().endsWith("A") ? "B" : "A");
        String foreign = otherOrg.tenant() + link.token().substring(link.token().indexOf('.'));
        assertThat(crm.customerUploads().open(tampered)).isEmpty();
        assertThat(crm.customerUploads().open(foreign)).isEmpty();
        assertThat(crm.customerUploads().open("../../etc")).isEmpty();
        assertThatThrownBy(() -> crm.customerUploads().upload(tampered, "x.pdf", bytes(PDF))).isInstanceOf(NotFoundException.class);

        fx.clock.advanceDays(2);
        assertThat(crm.customerUploads().open(link.token())).isEmpty();
        UploadLinkView fresh = crm.customerUploads().createLink(account.id(), Duration.ofDays(1));
        crm.customerUploads().revoke(fresh.id());
        assertThatThrownBy(() -> crm.customerUploads().upload(fresh.token(), "x.pdf", bytes(PDF))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.customerUploads().createLink(account.id(), Duration.ofDays(90))).isInstanceOf(ValidationException.class);
        assertThat(crm.documents().ofRecord(RecordType.ACCOUNT, account.id())).isEmpty();
    }

    @Test
    void theCalendarFeedCarriesPlannedTasksInMadridTimeUntilRevoked() {
        fx.session.as(org.tenant(), "rep");
        Instant due = Instant.parse("2026-03-31T08:30:00Z");
        ActivityView task = crm.activities().create(ActivityDraft.task("Llamar a la clínica", RecordType.ACCOUNT, account.id(), due));
        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Ya hecha", RecordType.ACCOUNT, account.id()));
        String token = crm.calendarFeeds().createFeed();

        fx.session.as(org.tenant(), null);
        String ics = crm.calendarFeeds().ics(token).orElseThrow();
        ICalendar parsed = Biweekly.parse(ics).first();
        assertThat(parsed.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getSummary().getValue()).isEqualTo("Llamar a la clínica");
            assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(due);
            assertThat(e.getUid().getValue()).isEqualTo(task.id() + "@cartera");
        });
        assertThat(ics).contains("TZID:Europe/Madrid", "DTSTART;TZID=Europe/Madrid:20260331T103000", "BEGIN:DAYLIGHT");
        assertThat(crm.calendarFeeds().ics(otherOrg.tenant() + token.substring(token.indexOf('.')))).isEmpty();

        fx.session.as(org.tenant(), "rep");
        assertThat(crm.calendarFeeds().revokeFeeds()).isEqualTo(1);
        assertThat(crm.calendarFeeds().ics(token)).isEmpty();
    }

    @Test
    void myDaySplitsOverdueTodayAndUpcomingAndBulkTasksAreAllOrNothing() {
        fx.session.as(org.tenant(), "rep");
        Instant now = fx.clock.instant();
        crm.activities().create(ActivityDraft.task("Atrasada", RecordType.ACCOUNT, account.id(), now.minusSeconds(3600)));
        crm.activities().create(ActivityDraft.task("Hoy", RecordType.ACCOUNT, account.id(), now.plusSeconds(3600)));
        crm.activities().create(ActivityDraft.task("Próxima", RecordType.ACCOUNT, account.id(), now.plusSeconds(3 * 86_400)));
        MyDay day = crm.activities().myDay(ZoneId.of("Europe/Madrid"));
        assertThat(day.overdue()).extracting(ActivityView::subject).containsExactly("Atrasada");
        assertThat(day.today()).extracting(ActivityView::subject).containsExactly("Hoy");
        assertThat(day.upcoming()).extracting(ActivityView::subject).containsExactly("Próxima");

        assertThat(crm.activities().raiseOverdueAlerts(org.tenant())).isEqualTo(1);
        assertThat(crm.activities().raiseOverdueAlerts(org.tenant())).isEqualTo(1);
        assertThat(crm.alerts().mine()).extracting(AlertView::kind).containsExactly(AlertKind.TASK_OVERDUE);

        AccountView second = crm.accounts().create(AccountDraft.company("Óptica Mar SL"));
        fx.session.as(org.tenant(), "rep2");
        AccountView notMine = crm.accounts().create(AccountDraft.company("Ajeno SL"));
        fx.session.as(org.tenant(), "rep");
        ActivityDraft call = new ActivityDraft(ActivityType.CALL, "Llamar por la campaña", null, null, null, null,
                now.plusSeconds(86_400), null, null, null, null, null, false);
        assertThatThrownBy(() -> crm.activities().createForEach(List.of(new RecordRef(RecordType.ACCOUNT, second.id()),
                new RecordRef(RecordType.ACCOUNT, notMine.id())), call)).isInstanceOf(NotFoundException.class);
        assertThat(crm.activities().ofRecord(RecordType.ACCOUNT, second.id())).isEmpty();
        assertThat(crm.activities().createForEach(List.of(new RecordRef(RecordType.ACCOUNT, second.id()),
                new RecordRef(RecordType.ACCOUNT, account.id())), call)).hasSize(2).allSatisfy(a -> assertThat(a.type()).isEqualTo(ActivityType.CALL));
    }

    @Test
    void preferencesMuteAKindInTheAppOrSendItByEmail() {
        fx.session.as(org.tenant(), "rep");
        assertThat(crm.alerts().myPreferences()).hasSize(AlertKind.values().length)
                .allSatisfy(p -> assertThat(p.inApp()).isTrue()).allSatisfy(p -> assertThat(p.email()).isFalse());
        crm.alerts().setMyPreference(AlertKind.DEAL_STUCK, false, true);
        crm.alerts().setMyPreference(AlertKind.TASK_OVERDUE, true, true);
        fx.mails.clear();
        fx.events.clear();

        fx.session.as(org.tenant(), "manager");
        crm.alerts().raise(AlertDraft.of(AlertKind.DEAL_STUCK, org.rep(), RecordType.ACCOUNT, account.id(), account.id(), "Menaje"));
        crm.alerts().raise(AlertDraft.of(AlertKind.TASK_OVERDUE, org.rep(), RecordType.ACCOUNT, account.id(), account.id(), "Llamar"));
        crm.alerts().raise(AlertDraft.of(AlertKind.DEAL_STUCK, org.rep2(), RecordType.ACCOUNT, account.id(), account.id(), "Menaje"));

        fx.session.as(org.tenant(), "rep");
        assertThat(crm.alerts().mine()).extracting(AlertView::kind).containsExactly(AlertKind.TASK_OVERDUE);
        assertThat(fx.mails).extracting(Mailer.Message::to).containsExactlyInAnyOrder("rep@example.es", "rep@example.es");
        assertThat(fx.mails).extracting(Mailer.Message::subject).anySatisfy(sub -> assertThat(sub).contains("deal stuck", "Menaje"));
        assertThat(fx.events).filteredOn(AlertEvents.AlertRaised.class::isInstance).hasSize(2);
        fx.session.as(org.tenant(), "rep2");
        assertThat(crm.alerts().mine()).extracting(AlertView::kind).containsExactly(AlertKind.DEAL_STUCK);
    }

    @Test
    void aTaskReminderAlertsTheAssigneeOnceAtItsTimeAndRingsInTheCalendar() {
        fx.session.as(org.tenant(), "rep");
        Instant now = fx.clock.instant();
        ActivityView task = crm.activities().create(ActivityDraft.task("Renovar contrato", RecordType.ACCOUNT, account.id(),
                now.plusSeconds(2 * 86_400)));
        ActivityView reminded = crm.activities().remind(task.id(), task.version(), now.plusSeconds(86_400));
        assertThat(reminded.remindAt()).isEqualTo(now.plusSeconds(86_400));
        String token = crm.calendarFeeds().createFeed();

        assertThat(crm.activities().sendReminders(org.tenant())).isZero();
        fx.clock.advanceDays(1);
        assertThat(crm.activities().sendReminders(org.tenant())).isEqualTo(1);
        assertThat(crm.activities().sendReminders(org.tenant())).isZero();
        assertThat(crm.alerts().mine()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.TASK_REMINDER);
            assertThat(a.messageArgs()).containsExactly("Renovar contrato");
        });
        assertThat(crm.calendarFeeds().ics(token).orElseThrow()).contains("BEGIN:VALARM", "ACTION:DISPLAY");
        crm.activities().complete(task.id(), null, "Hecho");
        assertThatThrownBy(() -> crm.activities().remind(task.id(), null, now)).isInstanceOf(ConflictException.class);
    }
}
