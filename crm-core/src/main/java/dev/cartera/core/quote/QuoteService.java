package dev.cartera.core.quote;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.catalog.Product;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.ResolvedPrice;
import dev.cartera.core.catalog.Tax;
import dev.cartera.core.catalog.TaxKind;
import dev.cartera.core.catalog.TaxRate;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.core.common.Validator;
import dev.cartera.core.document.AttachedDocument;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.GeneratedDocuments;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.quote.QuoteCalculation.LineResult;
import dev.cartera.core.quote.internal.QuoteLinks;
import dev.cartera.core.quote.internal.QuotePdf;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.spi.Mailer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Quotes, the purchase simulation of KD-1 and the offers of KD-3: calculate without saving, save
 * drafts, new versions, a PDF attached to the deal, send by e-mail with a signed expiring link,
 * and the customer's view, acceptance or rejection through that link. Acceptance wins the deal.
 *
 * <p>Dates (numbering year, validity) are those of Spain's peninsular time zone; a link expires at
 * the end of the quote's last valid day.
 */
public final class QuoteService {
    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final int DEFAULT_VALIDITY_DAYS = 30;
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Transactions tx;
    private final Mailer mailer;
    private final DocumentStore documents;
    private final QuoteLinks links;
    private final String publicLinkBase;

    /**
     * @param linkSecret     the installation's secret for customer links, at least 32 bytes; every node
     *                       of a cluster must share it
     * @param publicLinkBase what precedes the token in the link the customer gets, e.g.
     *                       {@code https://crm.example.es/crm/public/quotes/}
     */
    public QuoteService(Transactions tx, Mailer mailer, DocumentStore documents, byte[] linkSecret, String publicLinkBase) {
        this.tx = tx;
        this.mailer = mailer;
        this.documents = documents;
        this.links = new QuoteLinks(linkSecret);
        this.publicLinkBase = publicLinkBase;
    }

    /** The builder's live totals: resolves prices and taxes from the catalogue and saves nothing. */
    public QuotePreview calculate(QuoteDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.READ, RecordType.QUOTE);
            Resolved r = resolve(work, draft);
            return new QuotePreview(lineViews(r.lines, r.calculation), r.calculation);
        });
    }

    public QuoteView create(QuoteDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.QUOTE);
            Resolved r = resolve(work, draft);
            Quote q = new Quote();
            q.setNumber(nextNumber(work));
            q.setVersionNo(1);
            q.setStatus(QuoteStatus.DRAFT);
            q.setOwnerId(r.deal != null && r.deal.getOwnerId() != null ? r.deal.getOwnerId() : work.actor().userId());
            apply(work, draft, r, q);
            work.em().persist(q);
            writeLines(work, q, r.lines, r.calculation);
            work.audit("CREATE", RecordType.QUOTE, q.getId(), q.getNumber());
            work.publish(new QuoteEvents.QuoteCreated(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId(),
                    q.getNumber(), q.getVersionNo()));
            return view(work, work.flushed(q));
        });
    }

    /** Changes a draft; once sent a quote changes only through a new version. */
    public QuoteView update(UUID id, Long expectedVersion, QuoteDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Quote q = load(work, id, Action.UPDATE);
            q.checkVersion(expectedVersion);
            if (q.getStatus() != QuoteStatus.DRAFT) {
                throw new ConflictException("quote.not-draft", id, q.getStatus());
            }
            Resolved r = resolve(work, draft);
            apply(work, draft, r, q);
            lines(work, id).forEach(work.em()::remove);
            work.em().flush();
            writeLines(work, q, r.lines, r.calculation);
            work.audit("UPDATE", RecordType.QUOTE, id, q.getNumber());
            return view(work, work.flushed(q));
        });
    }

    /** A new draft version of the quote with the same number and copied lines; earlier links stop working. */
    public QuoteView newVersion(UUID id) {
        return tx.write(work -> {
            Quote source = load(work, id, Action.UPDATE);
            work.require(Action.CREATE, RecordType.QUOTE);
            List<Quote> versions = versions(work, source.getNumber());
            versions.forEach(v -> {
                v.setPublicTokenHash(null);
                v.setPublicTokenExpiresAt(null);
            });
            Quote q = new Quote();
            q.setNumber(source.getNumber());
            q.setVersionNo(versions.stream().mapToInt(Quote::getVersionNo).max().orElse(0) + 1);
            q.setStatus(QuoteStatus.DRAFT);
            q.setOwnerId(source.getOwnerId());
            q.setOpportunityId(source.getOpportunityId());
            q.setAccountId(source.getAccountId());
            q.setContactId(source.getContactId());
            q.setPriceListId(source.getPriceListId());
            q.setTitle(source.getTitle());
            q.setCurrency(source.getCurrency());
            q.setGlobalDiscountPercent(source.getGlobalDiscountPercent());
            q.setGlobalDiscountAmount(source.getGlobalDiscountAmount());
            q.setEquivalenceSurcharge(source.isEquivalenceSurcharge());
            q.setNotes(source.getNotes());
            LocalDate today = today(work);
            q.setValidUntil(source.getValidUntil() != null && !source.getValidUntil().isBefore(today)
                    ? source.getValidUntil() : today.plusDays(DEFAULT_VALIDITY_DAYS));
            work.em().persist(q);
            List<ResolvedLine> copied = lines(work, source.getId()).stream().map(l -> ResolvedLine.of(l, taxesByCode(work))).toList();
            QuoteCalculation calculation = calculate(q, copied);
            writeLines(work, q, copied, calculation);
            work.audit("VERSION", RecordType.QUOTE, q.getId(), q.getNumber() + " v" + q.getVersionNo());
            work.publish(new QuoteEvents.QuoteCreated(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId(),
                    q.getNumber(), q.getVersionNo()));
            return view(work, work.flushed(q));
        });
    }

    public QuoteView get(UUID id) {
        return tx.write(work -> view(work, load(work, id, Action.READ)));
    }

    /** The quotes of a deal, every version, newest first. */
    public List<QuoteView> ofOpportunity(UUID opportunityId) {
        return tx.write(work -> {
            OpportunityService.load(work, opportunityId, Action.READ);
            return listWhere(work, "q.opportunityId = :id", opportunityId);
        });
    }

    /** The quotes of a customer, every version, newest first: the customer card's simulations. */
    public List<QuoteView> ofAccount(UUID accountId) {
        return tx.write(work -> {
            AccountService.load(work, accountId, Action.READ);
            return listWhere(work, "q.accountId = :id", accountId);
        });
    }

    /** The quote's PDF, rendered now and not stored (a preview). */
    public byte[] pdf(UUID id, Branding branding) {
        return tx.write(work -> render(work, load(work, id, Action.READ), branding));
    }

    /** Renders the PDF and attaches it to the quote, its deal and its customer. */
    public AttachedDocument attachPdf(UUID id, Branding branding) {
        return tx.write(work -> attachPdf(work, load(work, id, Action.UPDATE), branding).document());
    }

    /** The content of the PDF last attached to the quote. */
    public Optional<byte[]> storedPdf(UUID id) {
        return tx.read(work -> GeneratedDocuments.content(work, documents, load(work, id, Action.READ).getPdfDocumentId()));
    }

    /** The documents attached to a deal, newest first. */
    public List<AttachedDocument> documentsOfDeal(UUID opportunityId) {
        return tx.read(work -> {
            OpportunityService.load(work, opportunityId, Action.READ);
            return GeneratedDocuments.linkedTo(work, RecordType.OPPORTUNITY, opportunityId);
        });
    }

    /**
     * Sends the quote: attaches its PDF, issues a signed link valid until the end of its last valid
     * day (only the link's hash is kept; a new send revokes the previous link) and e-mails both.
     */
    public SentQuote send(UUID id, Long expectedVersion, SendQuote command) {
        Validator.valid(command);
        return tx.write(work -> {
            Quote q = load(work, id, Action.UPDATE);
            q.checkVersion(expectedVersion);
            if (q.getStatus() != QuoteStatus.DRAFT && q.getStatus() != QuoteStatus.SENT && q.getStatus() != QuoteStatus.VIEWED) {
                throw new ConflictException("quote.closed", id, q.getStatus());
            }
            if (q.getValidUntil().isBefore(today(work))) {
                throw new ConflictException("quote.expired", id);
            }
            Attached pdf = attachPdf(work, q, command.branding());
            Instant expiresAt = q.getValidUntil().plusDays(1).atStartOfDay(ZONE).toInstant();
            String token = links.issue(work.tenantId(), q.getId(), expiresAt);
            q.setPublicTokenHash(QuoteLinks.hash(token));
            q.setPublicTokenExpiresAt(expiresAt);
            q.setStatus(QuoteStatus.SENT);
            q.setSentAt(work.now());
            work.audit("SEND", RecordType.QUOTE, id, q.getNumber() + " v" + q.getVersionNo() + " to " + command.to());
            work.publish(new QuoteEvents.QuoteSent(work.tenantId(), work.now(), work.username(), id, q.getOpportunityId(),
                    q.getNumber(), q.getVersionNo()));
            QuoteView view = view(work, work.flushed(q));
            String link = publicLinkBase + token;
            // Sent last, once every write has reached the database: a failing mail server rolls the send back.
            mailer.send(new Mailer.Message(command.to(), "Presupuesto " + q.getNumber() + " - " + command.branding().companyName(),
                    mailText(command, q, link), List.of(new Mailer.Attachment(fileName(q), "application/pdf", pdf.content()))));
            return new SentQuote(view, link, expiresAt);
        });
    }

    /** The customer opens the link: the quote as they may see it; the first visit marks it viewed. */
    public PublicQuoteView viewByToken(String token) {
        Claims claims = verify(token);
        return tx.asSystem(claims.tenantId, work -> {
            Quote q = byToken(work, claims, token);
            if (q.getStatus() == QuoteStatus.SENT) {
                q.setStatus(QuoteStatus.VIEWED);
                q.setViewedAt(work.now());
                work.audit("VIEWED", RecordType.QUOTE, q.getId(), q.getNumber());
                work.publish(new QuoteEvents.QuoteViewed(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId()));
            }
            return publicView(work, q);
        });
    }

    /**
     * The customer accepts through the link, signing with their name; the time and IP address are
     * recorded. The deal moves to its won stage automatically (taking the quote's first-year value
     * as its amount if it had none) and {@link QuoteEvents.QuoteAccepted} is published.
     */
    public PublicQuoteView acceptByToken(String token, String name, String ip) {
        String signer = decisionName(name);
        String address = decisionIp(ip);
        Claims claims = verify(token);
        return tx.asSystem(claims.tenantId, work -> {
            Quote q = byToken(work, claims, token);
            requireOpenForDecision(q);
            QuoteCalculation totals = calculate(q, storedLines(work, q));
            decide(work, q, QuoteStatus.ACCEPTED, signer, address, null);
            if (q.getOpportunityId() != null) {
                Opportunity deal = work.em().find(Opportunity.class, q.getOpportunityId());
                if (deal != null && deal.getStatus() == OpportunityStatus.OPEN) {
                    if (deal.getAmount() == null || deal.getAmount().signum() == 0) {
                        deal.setAmount(totals.oneOff().net().add(totals.recurringYearly().net()));
                    }
                    OpportunityService.moveTo(work, deal, OpportunityService.stageOfKind(work, deal.getPipelineId(), StageKind.WON),
                            null, true);
                }
            }
            work.publish(new QuoteEvents.QuoteAccepted(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId(),
                    q.getNumber(), q.getVersionNo(), totals.oneOff().gross(), totals.recurringYearly().net(), signer));
            return publicView(work, q);
        });
    }

    /** The customer rejects through the link, with an optional reason; the deal stays open for another version. */
    public PublicQuoteView rejectByToken(String token, String name, String ip, String reason) {
        String signer = decisionName(name);
        String address = decisionIp(ip);
        String why = Validator.trimToNull(reason);
        if (why != null && why.length() > 1000) {
            throw ValidationException.of("reason", "validation.Size");
        }
        Claims claims = verify(token);
        return tx.asSystem(claims.tenantId, work -> {
            Quote q = byToken(work, claims, token);
            requireOpenForDecision(q);
            decide(work, q, QuoteStatus.REJECTED, signer, address, why);
            work.publish(new QuoteEvents.QuoteRejected(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId(),
                    signer, why));
            return publicView(work, q);
        });
    }

    /** The PDF the customer was sent, through their link: the same checks as viewing it, and no change of status. */
    public Optional<byte[]> pdfByToken(String token) {
        Claims claims = verify(token);
        return tx.asSystem(claims.tenantId,
                work -> GeneratedDocuments.content(work, documents, byToken(work, claims, token).getPdfDocumentId()));
    }

    /** Marks sent quotes past their last valid day as expired (a scheduled job runs it per tenant). */
    public int expireOverdue() {
        return tx.write(work -> {
            ScopeFilter scope = work.scopeFilter(Action.UPDATE, RecordType.QUOTE);
            List<Quote> overdue = scope.bind(work.em().createQuery("select q from Quote q where " + scope.predicate("q.ownerId")
                            + " and q.status in :open and q.validUntil < :today", Quote.class))
                    .setParameter("open", List.of(QuoteStatus.SENT, QuoteStatus.VIEWED))
                    .setParameter("today", today(work))
                    .getResultList();
            for (Quote q : overdue) {
                q.setStatus(QuoteStatus.EXPIRED);
                q.setPublicTokenHash(null);
                work.audit("EXPIRED", RecordType.QUOTE, q.getId(), q.getNumber());
                work.publish(new QuoteEvents.QuoteExpired(work.tenantId(), work.now(), work.username(), q.getId(), q.getOpportunityId()));
            }
            return overdue.size();
        });
    }

    // ---- internals

    private Claims verify(String token) {
        QuoteLinks.Claims claims = links.verify(token).orElseThrow(() -> new AccessDeniedException("quote.link.invalid"));
        if (!claims.expiresAt().isAfter(tx.clock().instant())) {
            throw new AccessDeniedException("quote.link.expired");
        }
        return new Claims(claims.tenantId(), claims.quoteId());
    }

    /** The quote a verified token names, in the token's tenant only, and only while the token is its current one. */
    private static Quote byToken(UnitOfWork work, Claims claims, String token) {
        Quote q = work.em().find(Quote.class, claims.quoteId);
        if (q == null || !QuoteLinks.sameHash(q.getPublicTokenHash(), QuoteLinks.hash(token))) {
            throw new AccessDeniedException("quote.link.invalid");
        }
        return q;
    }

    private static void requireOpenForDecision(Quote q) {
        if (q.getStatus() != QuoteStatus.SENT && q.getStatus() != QuoteStatus.VIEWED) {
            throw new ConflictException("quote.already-decided", q.getStatus());
        }
    }

    private static void decide(UnitOfWork work, Quote q, QuoteStatus status, String name, String ip, String note) {
        if (q.getViewedAt() == null) {
            q.setViewedAt(work.now());
        }
        q.setStatus(status);
        q.setDecidedAt(work.now());
        q.setDecidedByName(name);
        q.setDecidedFromIp(ip);
        q.setDecisionNote(note);
        work.audit(status.name(), RecordType.QUOTE, q.getId(), q.getNumber() + " v" + q.getVersionNo() + " by " + name
                + (ip == null ? "" : " from " + ip));
    }

    private static String decisionName(String name) {
        String clean = Validator.trimToNull(name);
        if (clean == null || clean.length() > 200) {
            throw ValidationException.of("name", clean == null ? "validation.NotBlank" : "validation.Size");
        }
        return clean;
    }

    private static String decisionIp(String ip) {
        String clean = Validator.trimToNull(ip);
        if (clean != null && !IP.matcher(clean).matches()) {
            throw ValidationException.of("ip", "validation.Pattern");
        }
        return clean;
    }

    private record Claims(String tenantId, UUID quoteId) {
    }

    private record Attached(AttachedDocument document, byte[] content) {
    }

    private Attached attachPdf(UnitOfWork work, Quote q, Branding branding) {
        byte[] content = render(work, q, branding);
        Map<RecordType, UUID> linked = new EnumMap<>(RecordType.class);
        linked.put(RecordType.QUOTE, q.getId());
        linked.put(RecordType.OPPORTUNITY, q.getOpportunityId());
        linked.put(RecordType.ACCOUNT, q.getAccountId());
        AttachedDocument document = GeneratedDocuments.attach(work, documents, fileName(q), "application/pdf", content,
                DocumentCategory.OFFER, q.getOwnerId(), linked);
        q.setPdfDocumentId(document.id());
        return new Attached(document, content);
    }

    private static byte[] render(UnitOfWork work, Quote q, Branding branding) {
        Account account = q.getAccountId() == null ? null : work.em().find(Account.class, q.getAccountId());
        return QuotePdf.render(view(work, q), account == null ? null : account.getName(), branding, today(work));
    }

    private static String fileName(Quote q) {
        return "Presupuesto-" + q.getNumber() + "-v" + q.getVersionNo() + ".pdf";
    }

    private static String mailText(SendQuote command, Quote q, String link) {
        StringBuilder text = new StringBuilder();
        if (command.message() != null && !command.message().isBlank()) {
            text.append(command.message().strip()).append("\n\n");
        }
        text.append("Le enviamos el presupuesto ").append(q.getNumber()).append(", válido hasta el ")
                .append(q.getValidUntil().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))).append(".\n")
                .append("Puede consultarlo, aceptarlo o rechazarlo en este enlace personal:\n").append(link).append("\n\n")
                .append(command.branding().companyName()).append('\n');
        return text.toString();
    }

    private static Quote load(UnitOfWork work, UUID id, Action action) {
        return work.load(Quote.class, RecordType.QUOTE, id, action, Quote::getOwnerId);
    }

    private static List<QuoteView> listWhere(UnitOfWork work, String predicate, UUID id) {
        ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.QUOTE);
        return scope.bind(work.em().createQuery("select q from Quote q where " + scope.predicate("q.ownerId") + " and " + predicate
                        + " order by q.createdAt desc, q.number desc, q.versionNo desc", Quote.class))
                .setParameter("id", id)
                .getResultStream().map(q -> view(work, q)).toList();
    }

    private static List<Quote> versions(UnitOfWork work, String number) {
        return work.em().createQuery("select q from Quote q where q.number = :n order by q.versionNo", Quote.class)
                .setParameter("n", number).getResultList();
    }

    private static List<QuoteLine> lines(UnitOfWork work, UUID quoteId) {
        return work.em().createQuery("select l from QuoteLine l where l.quoteId = :q order by l.position", QuoteLine.class)
                .setParameter("q", quoteId).getResultList();
    }

    /** P-2026-0001: per tenant and year; the unique (tenant, number, version) constraint guards a race. */
    private static String nextNumber(UnitOfWork work) {
        String prefix = "P-" + today(work).getYear() + "-";
        Long used = work.em().createQuery("select count(distinct q.number) from Quote q where q.number like :p", Long.class)
                .setParameter("p", prefix + "%").getSingleResult();
        return prefix + String.format("%04d", used + 1);
    }

    private static LocalDate today(UnitOfWork work) {
        return LocalDate.ofInstant(work.now(), ZONE);
    }

    private static void apply(UnitOfWork work, QuoteDraft d, Resolved r, Quote q) {
        LocalDate today = today(work);
        LocalDate validUntil = d.validUntil() == null ? today.plusDays(DEFAULT_VALIDITY_DAYS) : d.validUntil();
        if (validUntil.isBefore(today)) {
            throw ValidationException.of("validUntil", "quote.valid-until.past");
        }
        q.setOpportunityId(r.deal == null ? null : r.deal.getId());
        q.setPriceListId(r.priceListId);
        q.setAccountId(r.account == null ? null : r.account.getId());
        q.setContactId(d.contactId() != null ? d.contactId() : r.deal == null ? null : r.deal.getContactId());
        q.setTitle(Validator.trimToNull(d.title()));
        q.setValidUntil(validUntil);
        q.setCurrency(r.currency);
        q.setGlobalDiscountPercent(d.globalDiscountPercent());
        q.setGlobalDiscountAmount(d.globalDiscountAmount());
        q.setEquivalenceSurcharge(d.equivalenceSurcharge());
        q.setNotes(Validator.trimToNull(d.notes()));
        q.setNetTotal(r.calculation.oneOff().net());
        q.setTaxTotal(r.calculation.oneOff().tax());
        q.setGrossTotal(r.calculation.oneOff().gross());
        q.setRecurringMonthlyTotal(r.calculation.recurringMonthly().net());
        q.setRecurringYearlyTotal(r.calculation.recurringYearly().net());
    }

    private static void writeLines(UnitOfWork work, Quote q, List<ResolvedLine> resolved, QuoteCalculation calculation) {
        for (int i = 0; i < resolved.size(); i++) {
            ResolvedLine r = resolved.get(i);
            LineResult result = calculation.lines().get(i);
            QuoteLine l = new QuoteLine();
            l.setQuoteId(q.getId());
            l.setPosition(i + 1);
            l.setProductId(r.productId);
            l.setDescription(r.description);
            l.setUnit(r.unit);
            l.setQuantity(r.quantity);
            l.setUnitPrice(r.unitPrice);
            l.setDiscountPercent(r.discountPercent);
            l.setDiscountAmount(r.discountAmount);
            l.setTaxCode(r.tax.code());
            l.setTaxRate(r.tax.rate());
            l.setSurchargeCode(r.surcharge == null ? null : r.surcharge.code());
            l.setSurchargeRate(r.surcharge == null ? null : r.surcharge.rate());
            l.setBilling(r.billing);
            l.setRecurrencePeriod(r.period);
            l.setLineNet(result.net());
            l.setGlobalDiscountShare(result.globalDiscountShare());
            l.setLineTotal(result.total());
            work.em().persist(l);
        }
        q.setNetTotal(calculation.oneOff().net());
        q.setTaxTotal(calculation.oneOff().tax());
        q.setGrossTotal(calculation.oneOff().gross());
        q.setRecurringMonthlyTotal(calculation.recurringMonthly().net());
        q.setRecurringYearlyTotal(calculation.recurringYearly().net());
    }

    private static QuoteView view(UnitOfWork work, Quote q) {
        List<ResolvedLine> lines = storedLines(work, q);
        QuoteCalculation calculation = calculate(q, lines);
        return new QuoteView(q.getId(), q.getVersion(), q.getNumber(), q.getVersionNo(), q.getTitle(), q.getOpportunityId(),
                q.getAccountId(), q.getContactId(), q.getPriceListId(), q.getStatus(), q.getValidUntil(), q.getCurrency(),
                q.getGlobalDiscountPercent(), q.getGlobalDiscountAmount(), q.isEquivalenceSurcharge(), q.getNotes(), q.getOwnerId(),
                q.getSentAt(), q.getViewedAt(), q.getDecidedAt(), q.getDecidedByName(), q.getDecidedFromIp(), q.getDecisionNote(), q.getPdfDocumentId(),
                lineViews(lines, calculation), calculation, q.getCreatedAt());
    }

    private static PublicQuoteView publicView(UnitOfWork work, Quote q) {
        QuoteView v = view(work, q);
        Account account = q.getAccountId() == null ? null : work.em().find(Account.class, q.getAccountId());
        return new PublicQuoteView(v.number(), v.versionNo(), v.title(), account == null ? null : account.getName(), v.status(),
                v.validUntil(), v.currency(), v.lines(), v.totals(), v.notes());
    }

    private static List<ResolvedLine> storedLines(UnitOfWork work, Quote q) {
        Map<String, Tax> taxes = taxesByCode(work);
        return lines(work, q.getId()).stream().map(l -> ResolvedLine.of(l, taxes)).toList();
    }

    private static Map<String, Tax> taxesByCode(UnitOfWork work) {
        Map<String, Tax> byCode = new java.util.HashMap<>();
        CatalogService.taxes(work).forEach(t -> byCode.put(t.getCode(), t));
        return byCode;
    }

    private static QuoteCalculation calculate(Quote q, List<ResolvedLine> lines) {
        return QuoteCalculator.calculate(new QuoteInput(q.getCurrency(), lines.stream().map(ResolvedLine::input).toList(),
                q.getGlobalDiscountPercent(), q.getGlobalDiscountAmount()));
    }

    private static List<QuoteLineView> lineViews(List<ResolvedLine> lines, QuoteCalculation calculation) {
        List<QuoteLineView> views = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ResolvedLine r = lines.get(i);
            LineResult result = calculation.lines().get(i);
            views.add(new QuoteLineView(i + 1, r.productId, r.description, r.unit, r.quantity, r.unitPrice, r.discountPercent,
                    r.discountAmount, r.tax.code(), r.tax.rate(), r.surcharge == null ? null : r.surcharge.code(),
                    r.surcharge == null ? null : r.surcharge.rate(), r.billing, r.period, result.net(), result.globalDiscountShare(),
                    result.total()));
        }
        return views;
    }

    /** Fills a draft's lines from the catalogue and the customer's price list, then calculates. */
    private static Resolved resolve(UnitOfWork work, QuoteDraft d) {
        Opportunity deal = d.opportunityId() == null ? null : OpportunityService.load(work, d.opportunityId(), Action.READ);
        UUID accountId = d.accountId() != null ? d.accountId() : deal == null ? null : deal.getAccountId();
        if (deal == null && accountId == null) {
            throw ValidationException.of("accountId", "quote.customer-required");
        }
        Account account = accountId == null ? null : AccountService.load(work, accountId, Action.READ);
        String currency = d.currency() != null ? d.currency() : deal != null && deal.getCurrency() != null ? deal.getCurrency() : "EUR";
        LocalDate today = today(work);
        List<ResolvedLine> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<UUID> priceLists = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            try {
                lines.add(resolveLine(work, d, d.lines().get(i), i, account == null ? null : account.getSegment(), today, currency,
                        priceLists));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        Validator.require(errors);
        QuoteCalculation calculation = QuoteCalculator.calculate(new QuoteInput(currency, lines.stream().map(ResolvedLine::input).toList(),
                d.globalDiscountPercent(), d.globalDiscountAmount()));
        return new Resolved(deal, account, currency, lines, calculation, priceLists.isEmpty() ? null : priceLists.get(0));
    }

    private static ResolvedLine resolveLine(UnitOfWork work, QuoteDraft quote, QuoteLineDraft d, int i, String segment, LocalDate today,
            String currency, List<UUID> priceLists) {
        String field = "lines[" + i + "].";
        String description = Validator.trimToNull(d.description());
        String unit = Validator.trimToNull(d.unit());
        BigDecimal unitPrice = d.unitPrice();
        String taxCode = Validator.trimToNull(d.taxCode());
        Billing billing = d.billing();
        RecurrencePeriod period = d.recurrencePeriod();
        if (d.productId() != null) {
            Product p = CatalogService.loadProduct(work, d.productId());
            if (!p.isActive()) {
                throw ValidationException.of(field + "productId", "product.inactive");
            }
            description = description != null ? description : p.getName();
            unit = unit != null ? unit : p.getUnit();
            if (unitPrice == null) {
                ResolvedPrice price = CatalogService.resolvePrice(work, p, segment, today, d.quantity());
                if (price.currency() != null && !price.currency().equals(currency)) {
                    throw ValidationException.of(field + "unitPrice", "quote.price.currency-differs");
                }
                unitPrice = price.unitPrice();
                if (price.priceListId() != null) {
                    priceLists.add(price.priceListId());
                }
            }
            taxCode = taxCode != null ? taxCode : p.getTaxCode();
            billing = billing != null ? billing : p.getBilling();
            period = billing == Billing.RECURRING ? (period != null ? period : p.getRecurrencePeriod()) : null;
        } else {
            billing = billing == null ? Billing.ONE_OFF : billing;
        }
        List<FieldError> errors = new ArrayList<>();
        if (description == null) {
            errors.add(new FieldError(field + "description", "validation.NotBlank"));
        }
        if (unitPrice == null) {
            errors.add(new FieldError(field + "unitPrice", "validation.NotNull"));
        }
        if (taxCode == null) {
            errors.add(new FieldError(field + "taxCode", "validation.NotBlank"));
        }
        Validator.require(errors);
        TaxRate tax = CatalogService.taxRate(work, taxCode, field + "taxCode");
        TaxRate surcharge = quote.equivalenceSurcharge() ? CatalogService.surchargeFor(work, tax).orElse(null) : null;
        return new ResolvedLine(d.productId(), description, unit, d.quantity(), unitPrice, d.discountPercent(), d.discountAmount(),
                tax, surcharge, billing, period);
    }

    /** {@code priceListId}: the price list the first catalogue-priced line came from, kept on the quote for the record. */
    private record Resolved(Opportunity deal, Account account, String currency, List<ResolvedLine> lines, QuoteCalculation calculation,
            UUID priceListId) {
    }

    private record ResolvedLine(UUID productId, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal discountAmount, TaxRate tax, TaxRate surcharge, Billing billing, RecurrencePeriod period) {

        static ResolvedLine of(QuoteLine l, Map<String, Tax> taxes) {
            return new ResolvedLine(l.getProductId(), l.getDescription(), l.getUnit(), l.getQuantity(), l.getUnitPrice(),
                    l.getDiscountPercent(), l.getDiscountAmount(), frozen(l.getTaxCode(), l.getTaxRate(), taxes, TaxKind.IVA),
                    l.getSurchargeCode() == null ? null
                            : frozen(l.getSurchargeCode(), l.getSurchargeRate(), taxes, TaxKind.RECARGO_EQUIVALENCIA),
                    l.getBilling(), l.getRecurrencePeriod());
        }

        /** A line keeps the rate it was quoted at; kind and legal note come from the tax of that code. */
        private static TaxRate frozen(String code, BigDecimal rate, Map<String, Tax> taxes, TaxKind fallback) {
            Tax tax = taxes.get(code);
            return new TaxRate(code, tax == null ? fallback : tax.getKind(), rate, tax == null ? null : tax.getLegalNote());
        }

        QuoteLineInput input() {
            return new QuoteLineInput(description, quantity, unitPrice, discountPercent, discountAmount, tax, surcharge, billing, period);
        }
    }
}
