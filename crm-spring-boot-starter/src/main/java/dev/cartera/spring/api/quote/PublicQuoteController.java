package dev.cartera.spring.api.quote;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.quote.PublicQuoteView;
import dev.cartera.core.quote.QuoteService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's side of a quote, by the signed token of their link and without a login: view,
 * PDF, accept with their name or reject with a reason. The caller's IP address is recorded with the
 * decision (behind a proxy, the host enables Spring's {@code ForwardedHeaderFilter} so it is the
 * customer's). Tampered, expired and revoked links all look the same: 404.
 */
@RestController
@RequestMapping("/public/quotes")
public class PublicQuoteController {
    private final QuoteService quotes;

    public PublicQuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    @GetMapping("/{token}")
    public ResponseEntity<PublicQuoteView> view(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(byToken(() -> quotes.viewByToken(token)));
    }

    @GetMapping("/{token}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String token) {
        PublicQuoteView quote = byToken(() -> quotes.viewByToken(token));
        byte[] pdf = byToken(() -> quotes.pdfByToken(token)).orElseThrow(() -> new NotFoundException(RecordType.DOCUMENT, null));
        return QuoteController.pdfResponse(pdf, "Presupuesto-" + quote.number() + "-v" + quote.versionNo() + ".pdf");
    }

    @PostMapping("/{token}/accept")
    public PublicQuoteView accept(@PathVariable String token, @Valid @RequestBody Acceptance acceptance, HttpServletRequest request) {
        return byToken(() -> quotes.acceptByToken(token, acceptance.name(), request.getRemoteAddr()));
    }

    @PostMapping("/{token}/reject")
    public PublicQuoteView reject(@PathVariable String token, @Valid @RequestBody Rejection rejection, HttpServletRequest request) {
        return byToken(() -> quotes.rejectByToken(token, rejection.name(), request.getRemoteAddr(), rejection.reason()));
    }

    private static <T> T byToken(Supplier<T> work) {
        try {
            return work.get();
        } catch (AccessDeniedException e) {
            throw new NotFoundException(RecordType.QUOTE, null);
        }
    }

    public record Acceptance(@NotBlank @Size(max = 200) String name) {
    }

    public record Rejection(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String reason) {
    }
}
