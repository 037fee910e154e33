package dev.cartera.spring.ui;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.quote.PublicQuoteView;
import dev.cartera.core.quote.QuotePreview;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page for a quote, reached through the signed link without a login: the offer in the
 * firm's branding, its PDF, and accept (with a name) or reject (with a reason). The IP address of the
 * request is recorded with the decision. A tampered, expired or revoked link is a friendly 404 page
 * that says nothing about why.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/public/quotes")
class PublicQuotePageController {
    private final QuoteService quotes;
    private final CarteraBrandingProvider branding;
    private final CarteraMessages messages;
    private final CarteraProperties properties;

    PublicQuotePageController(QuoteService quotes, CarteraBrandingProvider branding, CarteraMessages messages,
            CarteraProperties properties) {
        this.quotes = quotes;
        this.branding = branding;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/{token}")
    String view(@PathVariable String token, @RequestParam(required = false) String decided, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        shell(token, model);
        Optional<PublicQuoteView> quote = byToken(() -> quotes.viewByToken(token));
        if (quote.isEmpty()) {
            return gone(response);
        }
        return page(token, quote.get(), new FormErrors(messages), model);
    }

    @GetMapping("/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token) {
        Optional<PublicQuoteView> quote = byToken(() -> quotes.viewByToken(token));
        Optional<byte[]> pdf = quote.flatMap(q -> byToken(() -> quotes.pdfByToken(token).orElse(null)));
        if (pdf.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return QuoteController.pdfResponse(pdf.get(), "Presupuesto-" + quote.get().number() + "-v" + quote.get().versionNo() + ".pdf");
    }

    @PostMapping("/{token}/accept")
    String accept(@PathVariable String token, @RequestParam(required = false) String name, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return decide(token, () -> quotes.acceptByToken(token, name, request.getRemoteAddr()), response, model);
    }

    @PostMapping("/{token}/reject")
    String reject(@PathVariable String token, @RequestParam(required = false) String name, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return decide(token, () -> quotes.rejectByToken(token, name, request.getRemoteAddr(), reason), response, model);
    }

    private String decide(String token, Supplier<PublicQuoteView> decision, HttpServletResponse response, Model model) {
        shell(token, model);
        FormErrors errors = new FormErrors(messages);
        try {
            Optional<PublicQuoteView> decided = byToken(decision);
            if (decided.isEmpty()) {
                return gone(response);
            }
            return "redirect:" + base() + "/public/quotes/" + token;
        } catch (ValidationException e) {
            errors.add(e);
        } catch (ConflictException e) {
            errors.add("_global", e.code());
        }
        Optional<PublicQuoteView> quote = byToken(() -> quotes.viewByToken(token));
        if (quote.isEmpty()) {
            return gone(response);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(token, quote.get(), errors, model);
    }

    private String page(String token, PublicQuoteView quote, FormErrors errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("q", quote);
        model.addAttribute("preview", new QuotePreview(quote.lines(), quote.totals()));
        model.addAttribute("decisionErrors", errors);
        model.addAttribute("errors", new FormErrors(messages));
        model.addAttribute("open", quote.status().name().equals("SENT") || quote.status().name().equals("VIEWED"));
        return "cartera/public-quote";
    }

    private String gone(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "cartera/public-quote-gone";
    }

    private void shell(String token, Model model) {
        model.addAttribute("base", base());
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        CarteraBranding brand;
        try {
            brand = branding.branding(tenantOf(token));
        } catch (RuntimeException e) {
            brand = new CarteraBranding(properties.web().productName(), null, null, null, null, null);
        }
        model.addAttribute("branding", brand);
    }

    private static <T> Optional<T> byToken(Supplier<T> work) {
        try {
            return Optional.ofNullable(work.get());
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /**
     * The tenant a link names, only to pick the branding: the service verifies the signature before
     * showing anything, and a forged tenant gets nothing but its own colours on a 404 page.
     */
    private String tenantOf(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|");
            return parts.length > 1 ? parts[1] : properties.tenant().defaultId();
        } catch (RuntimeException e) {
            return properties.tenant().defaultId();
        }
    }

    private String base() {
        String base = properties.web().basePath();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
