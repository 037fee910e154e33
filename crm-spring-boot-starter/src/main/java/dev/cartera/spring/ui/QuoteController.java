package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.catalog.ProductQuery;
import dev.cartera.core.catalog.ProductView;
import dev.cartera.core.catalog.TaxView;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.quote.QuoteDraft;
import dev.cartera.core.quote.QuoteLineDraft;
import dev.cartera.core.quote.QuotePreview;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.quote.SendQuote;
import dev.cartera.core.quote.SentQuote;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.QuoteBrandingProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quote builder (KD-1's purchase simulation, KD-3's offers) on a deal or a customer: lines from
 * the catalogue or free text, live totals through htmx, save, new version, send and the PDF.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/quotes")
class QuoteController implements CarteraUiController {
    private final QuoteService quotes;
    private final CatalogService catalog;
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final ContactService contacts;
    private final QuoteBrandingProvider branding;
    private final TenantResolver tenants;
    private final CarteraMessages messages;
    private final CarteraUiFormat format;
    private final String base;

    QuoteController(QuoteService quotes, CatalogService catalog, OpportunityService opportunities, AccountService accounts,
            ContactService contacts, QuoteBrandingProvider branding, TenantResolver tenants, CarteraMessages messages,
            CarteraUiFormat format, CarteraProperties properties) {
        this.quotes = quotes;
        this.catalog = catalog;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.branding = branding;
        this.tenants = tenants;
        this.messages = messages;
        this.format = format;
        this.base = properties.web().basePath();
    }

    @GetMapping("/new")
    String newQuote(@RequestParam(required = false) UUID opportunity, @RequestParam(required = false) UUID account, Model model) {
        QuoteForm form = new QuoteForm();
        if (opportunity != null) {
            OpportunityView deal = opportunities.get(opportunity);
            form.setOpportunityId(deal.id());
            form.setAccountId(deal.accountId());
            form.setContactId(deal.contactId());
            form.setTitle(deal.name());
        } else if (account != null) {
            form.setAccountId(accounts.get(account).id());
        }
        return builderPage(null, form, new FormErrors(messages), model);
    }

    @GetMapping("/{id}")
    String quote(@PathVariable UUID id, Model model) {
        QuoteView quote = quotes.get(id);
        return builderPage(quote, QuoteForm.of(quote, format), new FormErrors(messages), model);
    }

    /** Adds a catalogue product or a free-text line, or removes one; answers the builder with fresh totals. */
    @PostMapping("/builder")
    String builder(@ModelAttribute("form") QuoteForm form, @RequestParam(required = false) UUID addProduct,
            @RequestParam(required = false) String addFree, @RequestParam(required = false) Integer removeLine,
            @RequestParam(required = false) UUID quoteId, HttpServletRequest request, Model model) {
        FormErrors errors = new FormErrors(messages);
        if (removeLine != null && removeLine >= 0 && removeLine < form.getLines().size()) {
            form.getLines().remove((int) removeLine);
        }
        if (addFree != null) {
            QuoteForm.Line line = new QuoteForm.Line();
            line.setTaxCode("IVA21");
            form.getLines().add(line);
        }
        if (addProduct != null) {
            form.getLines().add(productLine(form, addProduct));
        }
        QuoteView quote = quoteId == null ? null : quotes.get(quoteId);
        String page = builderPage(quote, form, errors, model);
        return Htmx.partial(request) ? "cartera/quote :: builder" : page;
    }

    /** The live totals: calculated by the core, nothing saved. */
    @PostMapping("/totals")
    String totals(@ModelAttribute("form") QuoteForm form, Model model) {
        FormErrors errors = new FormErrors(messages);
        model.addAttribute("form", form);
        model.addAttribute("preview", preview(form, errors));
        model.addAttribute("errors", errors);
        model.addAttribute("oob", true);
        return "cartera/quote :: totals";
    }

    /** Products matching what the user types, to add as lines. */
    @GetMapping("/products")
    String products(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("found", q == null || q.isBlank() ? List.of()
                : catalog.products(new ProductQuery(q, null, false), new PageRequest(0, 8)).items());
        return "cartera/quote :: productResults";
    }

    @PostMapping("/save")
    String save(@ModelAttribute("form") QuoteForm form, @RequestParam(required = false) UUID quoteId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        FormErrors errors = new FormErrors(messages);
        QuoteDraft draft = form.toDraft(locale(), errors);
        if (errors.isEmpty()) {
            try {
                UUID id = quoteId == null ? quotes.create(draft).id() : quotes.update(quoteId, form.getVersion(), draft).id();
                return redirect(base + "/quotes/" + id + "?saved", request, response);
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        QuoteView quote = quoteId == null ? null : quotes.get(quoteId);
        String page = builderPage(quote, form, errors, model);
        return Htmx.partial(request) ? "cartera/quote :: builder" : page;
    }

    @PostMapping("/{id}/version")
    String newVersion(@PathVariable UUID id) {
        return "redirect:" + base + "/quotes/" + quotes.newVersion(id).id();
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable UUID id, @RequestParam(required = false) String to, @RequestParam(required = false) String message,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Model model) {
        try {
            SentQuote sent = quotes.send(id, version, new SendQuote(to == null ? "" : to.strip(), message,
                    branding.branding(tenants.currentTenant())));
            redirect.addFlashAttribute("sentLink", sent.link());
            redirect.addFlashAttribute("sentTo", sent.quote().status() == QuoteStatus.SENT ? to.strip() : null);
            return "redirect:" + base + "/quotes/" + id;
        } catch (ValidationException e) {
            QuoteView quote = quotes.get(id);
            FormErrors errors = new FormErrors(messages);
            model.addAttribute("sendErrors", new FormErrors(messages).add(e));
            model.addAttribute("sendTo", to);
            return builderPage(quote, QuoteForm.of(quote, format), errors, model);
        }
    }

    /** Always a download, never rendered inline nor sniffed. */
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        QuoteView quote = quotes.get(id);
        byte[] pdf = quotes.storedPdf(id).orElseGet(() -> quotes.pdf(id, branding.branding(tenants.currentTenant())));
        return pdfResponse(pdf, "Presupuesto-" + quote.number() + "-v" + quote.versionNo() + ".pdf");
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    private QuoteForm.Line productLine(QuoteForm form, UUID productId) {
        ProductView product = catalog.product(productId);
        QuoteForm.Line line = new QuoteForm.Line();
        line.setProductId(product.id());
        line.setDescription(product.name());
        line.setUnit(product.unit());
        line.setTaxCode(product.taxCode());
        line.setBilling(product.billing());
        line.setRecurrencePeriod(product.recurrencePeriod());
        line.setUnitPrice(QuoteForm.plain(product.unitPrice(), format));
        try {
            // The customer's price list may quote it differently from the product's own price.
            QuotePreview priced = quotes.calculate(new QuoteDraft(form.getOpportunityId(), form.getAccountId(), null, null, null, null,
                    null, null, false, null, List.of(QuoteLineDraft.ofProduct(product.id(), "1"))));
            line.setUnitPrice(QuoteForm.plain(priced.lines().get(0).unitPrice(), format));
        } catch (CrmException e) {
            // The product's own price stays; the totals will say what is wrong.
        }
        return line;
    }

    private QuotePreview preview(QuoteForm form, FormErrors errors) {
        QuoteDraft draft = form.toDraft(locale(), errors);
        if (!errors.isEmpty() || draft.lines().isEmpty()) {
            return null;
        }
        try {
            return quotes.calculate(draft);
        } catch (ValidationException e) {
            errors.add(e);
            return null;
        }
    }

    private String builderPage(QuoteView quote, QuoteForm form, FormErrors errors, Model model) {
        fillBuilder(quote, form, errors, model);
        model.addAttribute("section", "opportunities");
        model.addAttribute("quote", quote);
        if (!model.containsAttribute("sendErrors")) {
            model.addAttribute("sendErrors", new FormErrors(messages));
        }
        if (!model.containsAttribute("sendTo")) {
            model.addAttribute("sendTo", recipient(quote, form));
        }
        UUID dealId = quote != null ? quote.opportunityId() : form.getOpportunityId();
        UUID accountId = quote != null ? quote.accountId() : form.getAccountId();
        model.addAttribute("dealId", dealId);
        model.addAttribute("dealName", dealId == null ? null : opportunities.get(dealId).name());
        model.addAttribute("accountId", accountId);
        model.addAttribute("accountName", accountId == null ? null : AccountNames.of(accounts, List.of(accountId)).get(accountId));
        List<QuoteView> related = quote == null ? List.of()
                : dealId != null ? quotes.ofOpportunity(dealId) : accountId != null ? quotes.ofAccount(accountId) : List.of(quote);
        model.addAttribute("versions", related.stream().filter(q -> q.number().equals(quote.number())).toList());
        return "cartera/quote";
    }

    private void fillBuilder(QuoteView quote, QuoteForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("quote", quote);
        model.addAttribute("editable", quote == null || quote.status() == QuoteStatus.DRAFT);
        model.addAttribute("taxes", catalog.taxes().stream().filter(TaxView::active).toList());
        boolean editable = quote == null || quote.status() == QuoteStatus.DRAFT;
        QuotePreview preview = !editable ? new QuotePreview(quote.lines(), quote.totals())
                : form.getLines().isEmpty() ? null : preview(form, errors);
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
    }

    /** The contact's e-mail, else the customer's first contact with one, else the customer's own. */
    private String recipient(QuoteView quote, QuoteForm form) {
        UUID contactId = quote != null ? quote.contactId() : form.getContactId();
        UUID accountId = quote != null ? quote.accountId() : form.getAccountId();
        try {
            if (contactId != null) {
                String email = contacts.get(contactId).email();
                if (email != null) {
                    return email;
                }
            }
            if (accountId != null) {
                return contacts.ofAccount(accountId).stream().map(ContactView::email).filter(Objects::nonNull).findFirst()
                        .orElseGet(() -> {
                            AccountView account = accounts.get(accountId);
                            return account.email();
                        });
            }
        } catch (CrmException e) {
            return null;
        }
        return null;
    }

    private static String redirect(String url, HttpServletRequest request, HttpServletResponse response) {
        if (Htmx.partial(request)) {
            response.setHeader("HX-Redirect", url);
            return "cartera/quote :: empty";
        }
        return "redirect:" + url;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
