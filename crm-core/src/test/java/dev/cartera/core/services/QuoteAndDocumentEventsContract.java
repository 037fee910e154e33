package dev.cartera.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.Document;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.DocumentEvents;
import dev.cartera.core.document.DocumentView;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.Quote;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteEvents;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.records.RecordRef;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.testing.CrmFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The quote and customer-document events automation listens to: each is published once, and only after its
 * transaction committed — a listener reading the record in a transaction of its own already sees the change, and
 * a change that rolls back publishes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuoteAndDocumentEventsContract {
    private static final Branding BRAND = new Branding("Frutas Ana SL", null, "#2e7d32", "CIF B58378431");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** What each listened-to event saw: its type, record and the record's state read in a fresh transaction. */
    private record Seen(Class<?> type, UUID id, String state) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean mailServerDown;
    private CrmFixture fx;
    private Cartera crm;
    private CrmFixture.Org org;

    protected abstract DataSource dataSource();

    @BeforeAll
    void start() {
        fx = new CrmFixture(dataSource(), b -> b.onEvent(this::observe).mailer(m -> {
            if (mailServerDown) {
                throw new IllegalStateException("mail server down");
            }
            fx.mails.add(m);
        }));
        crm = fx.cartera;
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @BeforeEach
    void freshTenant() {
        org = fx.organisation("e" + UUID.randomUUID().toString().substring(0, 8));
        seen.clear();
        mailServerDown = false;
    }

    private void observe(CrmEvent event) {
        if (event instanceof QuoteEvents.QuoteSent e) {
            seen.add(new Seen(e.getClass(), e.quoteId(), quoteStatus(e.tenantId(), e.quoteId())));
        } else if (event instanceof QuoteEvents.QuoteAccepted e) {
            seen.add(new Seen(e.getClass(), e.quoteId(), quoteStatus(e.tenantId(), e.quoteId())));
        } else if (event instanceof QuoteEvents.QuoteRejected e) {
            seen.add(new Seen(e.getClass(), e.quoteId(), quoteStatus(e.tenantId(), e.quoteId())));
        } else if (event instanceof QuoteEvents.QuoteExpired e) {
            seen.add(new Seen(e.getClass(), e.quoteId(), quoteStatus(e.tenantId(), e.quoteId())));
        } else if (event instanceof DocumentEvents.DocumentAdded e) {
            String stored = crm.transactions().asSystem(e.tenantId(), work -> {
                Document d = work.em().find(Document.class, e.documentId());
                return d == null ? "missing" : "stored, from customer " + d.isProvidedByCustomer();
            });
            seen.add(new Seen(e.getClass(), e.documentId(), stored + ", event says " + e.providedByCustomer()));
        }
    }

    private String quoteStatus(String tenant, UUID quoteId) {
        return crm.transactions().asSystem(tenant, work -> {
            Quote q = work.em().find(Quote.class, quoteId);
            return q == null ? "missing" : q.getStatus().name();
        });
    }

    private QuoteView quote(LocalDate validUntil) {
        return fx.session.call(org.tenant(), "rep", () -> {
            UUID account = crm.accounts().create(AccountDraft.company("Cliente " + UUID.randomUUID().toString().substring(0, 6))).id();
            UUID deal = crm.opportunities().create(OpportunityDraft.named("Venta", account, null)).id();
            return crm.quotes().create(QuoteDraft.forDeal(deal, List.of(QuoteLineDraft.freeText("Servicio", "1", "100", "IVA21")))
                    .withValidUntil(validUntil));
        });
    }

    private String send(QuoteView quote) {
        SentQuote sent = fx.session.call(org.tenant(), "rep",
                () -> crm.quotes().send(quote.id(), null, new SendQuote("cliente@example.es", null, BRAND)));
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }

    @Test
    void sentAcceptedRejectedAndExpiredArePublishedOnceAfterCommit() {
        LocalDate today = LocalDate.ofInstant(fx.clock.instant(), java.time.ZoneOffset.UTC);
        QuoteView accepted = quote(today.plusDays(30));
        QuoteView rejected = quote(today.plusDays(30));
        QuoteView lapsing = quote(today.plusDays(1));
        String acceptToken = send(accepted);
        String rejectToken = send(rejected);
        send(lapsing);
        crm.quotes().acceptByToken(acceptToken, "Ana", null);
        crm.quotes().rejectByToken(rejectToken, "Luis", null, "Caro");
        fx.clock.advanceDays(2);
        assertThat((int) crm.asSystem(org.tenant(), c -> c.quotes().expireOverdue())).isEqualTo(1);
        assertThat((int) crm.asSystem(org.tenant(), c -> c.quotes().expireOverdue())).as("nothing left to expire").isZero();

        assertThat(seen).containsExactly(
                new Seen(QuoteEvents.QuoteSent.class, accepted.id(), "SENT"),
                new Seen(QuoteEvents.QuoteSent.class, rejected.id(), "SENT"),
                new Seen(QuoteEvents.QuoteSent.class, lapsing.id(), "SENT"),
                new Seen(QuoteEvents.QuoteAccepted.class, accepted.id(), "ACCEPTED"),
                new Seen(QuoteEvents.QuoteRejected.class, rejected.id(), "REJECTED"),
                new Seen(QuoteEvents.QuoteExpired.class, lapsing.id(), "EXPIRED"));
        assertThat(fx.events).filteredOn(QuoteEvents.QuoteExpired.class::isInstance).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(org.tenant()));
    }

    @Test
    void aSendThatFailsPublishesNothing() {
        QuoteView quote = quote(LocalDate.ofInstant(fx.clock.instant(), java.time.ZoneOffset.UTC).plusDays(30));
        mailServerDown = true;
        assertThatThrownBy(() -> send(quote)).hasMessageContaining("mail server down");
        assertThat(seen).isEmpty();
        assertThat(fx.session.call(org.tenant(), "rep", () -> crm.quotes().get(quote.id())).status()).isEqualTo(QuoteStatus.DRAFT);

        mailServerDown = false;
        send(quote);
        assertThat(seen).containsExactly(new Seen(QuoteEvents.QuoteSent.class, quote.id(), "SENT"));
    }

    @Test
    void aCustomersUploadIsPublishedAsProvidedByTheCustomerAndARepsIsNot() {
        UUID account = fx.session.call(org.tenant(), "rep", () -> crm.accounts().create(AccountDraft.company("Sube SL")).id());
        String token = fx.session.call(org.tenant(), "rep", () -> crm.customerUploads().createLink(account, Duration.ofDays(3)).token());

        DocumentView fromCustomer = crm.customerUploads().upload(token, "dni.pdf", new ByteArrayInputStream(PDF));
        DocumentView fromRep = fx.session.call(org.tenant(), "rep", () -> crm.documents().upload("oferta.pdf", DocumentCategory.OTHER,
                List.of(new RecordRef(RecordType.ACCOUNT, account)), new ByteArrayInputStream(PDF)));

        assertThat(seen).containsExactly(
                new Seen(DocumentEvents.DocumentAdded.class, fromCustomer.id(), "stored, from customer true, event says true"),
                new Seen(DocumentEvents.DocumentAdded.class, fromRep.id(), "stored, from customer false, event says false"));
        assertThat(fx.events).filteredOn(DocumentEvents.DocumentAdded.class::isInstance)
                .allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z")));
    }
}
