package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.spring.CarteraProperties;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Contacts: the contact page (its data and everything that hangs on it: activities, documents, deals,
 * quotes) and the new-contact form, which warns of likely duplicates as the user types and, with the
 * duplicate check on BLOCK, refuses one unless the user says it is not a duplicate.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/contacts")
class ContactController implements CarteraUiController {
    private final ContactService contacts;
    private final AccountService accounts;
    private final DuplicateService duplicates;
    private final ActivityService activities;
    private final OpportunityService opportunities;
    private final QuoteService quotes;
    private final Cartera cartera;
    private final CarteraMessages messages;
    private final DuplicateCheck check;
    private final String base;

    ContactController(ContactService contacts, AccountService accounts, DuplicateService duplicates, ActivityService activities,
            OpportunityService opportunities, QuoteService quotes, Cartera cartera, CarteraMessages messages,
            CarteraProperties properties) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.duplicates = duplicates;
        this.activities = activities;
        this.opportunities = opportunities;
        this.quotes = quotes;
        this.cartera = cartera;
        this.messages = messages;
        this.check = properties.duplicateCheck();
        this.base = properties.web().basePath();
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        ContactView contact = contacts.get(id);
        model.addAttribute("section", "accounts");
        model.addAttribute("contact", contact);
        model.addAttribute("accountName", contact.accountId() == null ? null
                : AccountNames.of(accounts, List.of(contact.accountId())).get(contact.accountId()));
        model.addAttribute("activities", activities.ofRecord(RecordType.CONTACT, id));
        model.addAttribute("documents", cartera.documents().ofRecord(RecordType.CONTACT, id));
        if (contact.accountId() != null) {
            model.addAttribute("deals", opportunities.search(new OpportunityQuery(null, null, null, null, null, contact.accountId()),
                    new PageRequest(0, PageRequest.MAX_SIZE)).items().stream().filter(o -> id.equals(o.contactId())).toList());
            model.addAttribute("quotes", quotes.ofAccount(contact.accountId()).stream().filter(q -> id.equals(q.contactId())).toList());
        } else {
            model.addAttribute("deals", List.of());
            model.addAttribute("quotes", List.of());
        }
        model.addAttribute("twins", duplicates.duplicatesOf(RecordType.CONTACT, id).stream()
                .filter(c -> c.type() == RecordType.CONTACT && c.visible()).toList());
        return "cartera/contact";
    }

    @GetMapping("/new")
    String newContact(@RequestParam(required = false) UUID account, Model model) {
        ContactForm form = new ContactForm();
        form.setAccountId(account);
        return form(model, form, new FormErrors(messages));
    }

    /** Likely duplicates of the contact as typed, for the form's warning (htmx, debounced). */
    @PostMapping("/duplicates")
    String duplicatesOf(@ModelAttribute("contact") ContactForm form, BindingResult binding, Model model) {
        model.addAttribute("candidates", candidates(form));
        return "cartera/duplicates :: warning";
    }

    @PostMapping
    String create(@ModelAttribute("contact") ContactForm form, BindingResult binding,
            @RequestParam(defaultValue = "false") boolean allowDuplicates, Model model) {
        FormErrors errors = new FormErrors(messages).add(binding);
        try {
            Validator.valid(form.toDraft());
        } catch (ValidationException e) {
            errors.add(e);
        }
        if (errors.isEmpty()) {
            // Core checks accounts and leads on create; a contact is checked here, the same way, before saving.
            List<DuplicateCandidate> found = check == DuplicateCheck.BLOCK && !allowDuplicates ? candidates(form) : List.of();
            if (!found.isEmpty()) {
                model.addAttribute("candidates", found);
                model.addAttribute("blocked", true);
                errors.add("_global", "duplicate.found");
            } else {
                try {
                    ContactView created = contacts.create(form.toDraft());
                    return "redirect:" + base + "/contacts/" + created.id();
                } catch (ValidationException e) {
                    errors.add(e);
                }
            }
        }
        return form(model, form, errors);
    }

    private List<DuplicateCandidate> candidates(ContactForm form) {
        if (check == DuplicateCheck.OFF) {
            return List.of();
        }
        try {
            return duplicates.candidates(form.probe());
        } catch (ValidationException e) {
            return List.of();
        }
    }

    private String form(Model model, ContactForm form, FormErrors errors) {
        model.addAttribute("section", "accounts");
        model.addAttribute("contact", form);
        model.addAttribute("errors", errors);
        model.addAttribute("accountName", form.getAccountId() == null ? null
                : AccountNames.of(accounts, List.of(form.getAccountId())).get(form.getAccountId()));
        return "cartera/contact-form";
    }
}
