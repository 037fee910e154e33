package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.DocumentContent;
import dev.cartera.core.document.DocumentQuery;
import dev.cartera.core.document.DocumentRejectedException;
import dev.cartera.core.document.DocumentService;
import dev.cartera.core.document.DocumentView;
import dev.cartera.core.document.UploadLinkView;
import dev.cartera.core.records.RecordRef;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Documents (KD-7) on the customer card — upload, link, download, delete and restore, and the
 * "request documents from the customer" link — and the firm's documents view with search and filters.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}")
class DocumentUiController implements CarteraUiController {
    static final int DEFAULT_LINK_DAYS = 7;
    /** What a change tells the card when it reloads without htmx. */
    private static final java.util.Set<String> FLASHED = java.util.Set.of("uploadError", "uploaded", "linkErrors", "linkName",
            "linkUrl", "deleted", "uploadLink", "uploadUrl", "mailto", "linkDaysError");

    private final Cartera cartera;
    private final CarteraMessages messages;
    private final CarteraUiFormat format;
    private final CarteraUiProperties ui;
    private final String base;

    DocumentUiController(Cartera cartera, CarteraMessages messages, CarteraUiFormat format, CarteraUiProperties ui,
            CarteraProperties properties) {
        this.cartera = cartera;
        this.messages = messages;
        this.format = format;
        this.ui = ui;
        String path = properties.web().basePath();
        this.base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @PostMapping("/accounts/{id}/documents")
    String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "OTHER") DocumentCategory category, HttpServletRequest request, Model model) {
        String error = null;
        String uploaded = null;
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            uploaded = documents().upload(file == null ? null : file.getOriginalFilename(), category,
                    List.of(new RecordRef(RecordType.ACCOUNT, id)), content).name();
        } catch (DocumentRejectedException e) {
            error = rejection(e);
        } catch (IOException e) {
            throw new UncheckedIOException("upload unreadable", e);
        }
        model.addAttribute("uploadError", error);
        model.addAttribute("uploaded", uploaded);
        return section(id, request, model);
    }

    @PostMapping("/accounts/{id}/documents/link")
    String link(@PathVariable UUID id, @RequestParam(required = false) String name, @RequestParam(required = false) String url,
            @RequestParam(defaultValue = "OTHER") DocumentCategory category, HttpServletRequest request, Model model) {
        FormErrors errors = new FormErrors(messages);
        try {
            documents().link(name == null || name.isBlank() ? null : name, url, category, List.of(new RecordRef(RecordType.ACCOUNT, id)));
        } catch (ValidationException e) {
            errors.add(e);
            model.addAttribute("linkName", name);
            model.addAttribute("linkUrl", url);
        }
        model.addAttribute("linkErrors", errors);
        return section(id, request, model);
    }

    @PostMapping("/accounts/{id}/documents/{documentId}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletRequest request, Model model) {
        model.addAttribute("deleted", documents().delete(documentId));
        return section(id, request, model);
    }

    @PostMapping("/accounts/{id}/documents/{documentId}/restore")
    String restore(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletRequest request, Model model) {
        documents().restore(documentId);
        return section(id, request, model);
    }

    /** "Request documents from the customer": a link valid for some days, shown once with a ready e-mail. */
    @PostMapping("/accounts/{id}/upload-links")
    String requestDocuments(@PathVariable UUID id, @RequestParam(defaultValue = "" + DEFAULT_LINK_DAYS) int days,
            HttpServletRequest request, Model model) {
        try {
            UploadLinkView link = cartera.customerUploads().createLink(id, Duration.ofDays(days));
            String url = ServletUriComponentsBuilder.fromContextPath(request).path(base + "/public/upload/" + link.token())
                    .build().toUriString();
            var account = cartera.accounts().get(id);
            var locale = LocaleContextHolder.getLocale();
            String subject = messages.get("cartera.uploadLink.mail.subject", locale, account.name());
            String body = messages.get("cartera.uploadLink.mail.body", locale, account.name(), url, format.date(link.expiresAt()));
            model.addAttribute("uploadLink", link);
            model.addAttribute("uploadUrl", url);
            model.addAttribute("mailto", "mailto:" + (account.email() == null ? "" : account.email())
                    + "?subject=" + encode(subject) + "&body=" + encode(body));
        } catch (ValidationException e) {
            model.addAttribute("linkDaysError", true);
        }
        return section(id, request, model);
    }

    /** Download as an attachment with {@code nosniff}: an uploaded page never runs in the CRM's origin. */
    @GetMapping("/documents/{documentId}/download")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID documentId) {
        DocumentContent content = documents().download(documentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.size())
                .body(new InputStreamResource(content.stream()));
    }

    /** Every document of the firm the caller may see: search by name, filter by category, customer-provided, deleted. */
    @GetMapping("/documents")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) DocumentCategory category,
            @RequestParam(defaultValue = "false") boolean fromCustomer, @RequestParam(defaultValue = "false") boolean deleted,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        Page<DocumentView> found = documents().search(new DocumentQuery(q, category, null, fromCustomer ? Boolean.TRUE : null, deleted),
                new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("category", category);
        filters.put("fromCustomer", fromCustomer ? "true" : null);
        filters.put("deleted", deleted ? "true" : null);
        model.addAttribute("section", "documents");
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("fromCustomer", fromCustomer);
        model.addAttribute("deleted", deleted);
        model.addAttribute("categories", DocumentCategory.values());
        model.addAttribute("documents", found);
        model.addAttribute("accountNames", AccountNames.of(cartera.accounts(), found.items().stream()
                .flatMap(d -> d.links().stream()).filter(l -> l.type() == RecordType.ACCOUNT).map(RecordRef::id).toList()));
        model.addAttribute("pager", PageLinks.of(found, base + "/documents", filters));
        return Htmx.partial(request) ? "cartera/documents :: results" : "cartera/documents";
    }

    @PostMapping("/documents/{documentId}/restore")
    String restoreFromList(@PathVariable UUID documentId) {
        documents().restore(documentId);
        return "redirect:" + base + "/documents?deleted=true";
    }

    /** The card's documents section after a change; without htmx, back to the card. */
    private String section(UUID accountId, HttpServletRequest request, Model model) {
        if (!Htmx.partial(request)) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            model.asMap().forEach((name, value) -> {
                if (FLASHED.contains(name) && value != null) {
                    flash.put(name, value);
                }
            });
            return "redirect:" + base + "/accounts/" + accountId + "#card-documents";
        }
        model.addAttribute("accountId", accountId);
        model.addAttribute("account", cartera.accounts().get(accountId));
        model.addAttribute("documents", documents().ofRecord(RecordType.ACCOUNT, accountId));
        model.addAttribute("categories", DocumentCategory.values());
        if (!model.containsAttribute("linkErrors")) {
            model.addAttribute("linkErrors", new FormErrors(messages));
        }
        return "cartera/card-documents :: documents";
    }

    private String rejection(DocumentRejectedException e) {
        var locale = LocaleContextHolder.getLocale();
        String key = "cartera.error." + e.code();
        Object argument = e.arguments().isEmpty() ? "" : e.arguments().get(0);
        if (argument instanceof Number size) {
            argument = format.bytes(size.longValue());
        }
        return messages.has(key) ? messages.get(key, locale, argument) : messages.get("cartera.error.invalid", locale);
    }

    private DocumentService documents() {
        return cartera.documents();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
