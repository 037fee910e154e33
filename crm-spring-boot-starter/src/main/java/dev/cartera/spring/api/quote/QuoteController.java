package dev.cartera.spring.api.quote;

import dev.cartera.core.quote.QuotePreview;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.spring.QuoteBrandingProvider;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Quotes, the purchase simulation (KD-1) and the offers of a deal (KD-3): calculate without saving,
 * save drafts, new versions, send with a signed customer link, and the PDF.
 */
@RestController
@RequestMapping("/quotes")
public class QuoteController {
    private final QuoteService quotes;
    private final QuoteBrandingProvider branding;
    private final TenantResolver tenants;

    public QuoteController(QuoteService quotes, QuoteBrandingProvider branding, TenantResolver tenants) {
        this.quotes = quotes;
        this.branding = branding;
        this.tenants = tenants;
    }

    /** The builder's live totals: prices and taxes from the catalogue; nothing is saved. */
    @PostMapping("/calculate")
    public QuotePreview calculate(@Valid @RequestBody QuoteRequest draft) {
        return quotes.calculate(draft.toDraft());
    }

    @PostMapping
    public ResponseEntity<QuoteView> create(@Valid @RequestBody QuoteRequest draft) {
        QuoteView created = quotes.create(draft.toDraft());
        return Versions.created(quotes.get(created.id()), created.id(), quotes.get(created.id()).version());
    }

    /** The quotes of a deal ({@code opportunityId}) or of a customer ({@code accountId}), newest first. */
    @GetMapping
    public List<QuoteView> list(@RequestParam(required = false) UUID opportunityId, @RequestParam(required = false) UUID accountId) {
        if (opportunityId != null) {
            return quotes.ofOpportunity(opportunityId);
        }
        if (accountId != null) {
            return quotes.ofAccount(accountId);
        }
        throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "opportunityId or accountId is required");
    }

    @GetMapping("/{id}")
    public ResponseEntity<QuoteView> get(@PathVariable UUID id) {
        QuoteView quote = quotes.get(id);
        return Versions.ok(quote, quote.version());
    }

    /** Drafts only: a sent quote changes through a new version. */
    @PutMapping("/{id}")
    public ResponseEntity<QuoteView> update(@PathVariable UUID id, @Valid @RequestBody QuoteRequest draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        quotes.update(id, Versions.expected(ifMatch), draft.toDraft());
        return get(id);
    }

    /** A new draft version with the same number and copied lines; the customer's earlier link stops working. */
    @PostMapping("/{id}/versions")
    public ResponseEntity<QuoteView> newVersion(@PathVariable UUID id) {
        QuoteView created = quotes.newVersion(id);
        QuoteView fresh = quotes.get(created.id());
        return ResponseEntity.created(org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(pathOf(created.id())).build().toUri())
                .eTag(Long.toString(fresh.version())).body(fresh);
    }

    /** Attaches the PDF to the deal, e-mails it with the customer's signed link, and returns that link. */
    @PostMapping("/{id}/send")
    public SentQuote send(@PathVariable UUID id, @Valid @RequestBody Sending sending,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SentQuote sent = quotes.send(id, Versions.expected(ifMatch),
                new SendQuote(sending.to(), sending.message(), branding.branding(tenants.currentTenant())));
        return new SentQuote(quotes.get(id), sent.link(), sent.linkExpiresAt());
    }

    /** The PDF the customer got, or a fresh rendering of a draft; always a download, never sniffed. */
    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        QuoteView quote = quotes.get(id);
        byte[] pdf = quotes.storedPdf(id).orElseGet(() -> quotes.pdf(id, branding.branding(tenants.currentTenant())));
        return pdfResponse(pdf, "Presupuesto-" + quote.number() + "-v" + quote.versionNo() + ".pdf");
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    private String pathOf(UUID id) {
        String current = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        return current.substring(0, current.indexOf("/quotes/")) + "/quotes/" + id;
    }

    /** Body of {@code POST /quotes/{id}/send}. */
    public record Sending(@NotBlank @Email @Size(max = 254) String to, @Size(max = 4000) String message) {
    }
}
