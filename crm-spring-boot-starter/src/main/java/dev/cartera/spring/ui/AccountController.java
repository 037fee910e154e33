package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountQuery;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.card.CustomerCardService;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.DuplicateException;
import dev.cartera.core.dedupe.TaxId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Customers: the searchable list and the customer card (KD-1, X-8) with its quick actions. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/accounts")
class AccountController implements CarteraUiController {
    private final AccountService accounts;
    private final CustomerCardService cards;
    private final ActivityService activities;
    private final CarteraUiFormat format;
    private final CarteraMessages messages;
    private final CarteraUiProperties ui;
    private final String base;
    private final Cartera cartera;
    private final AlertItems alertItems;
    private final DuplicateCheck check;

    AccountController(AccountService accounts, CustomerCardService cards, ActivityService activities,
            CarteraUiFormat format, CarteraMessages messages, CarteraUiProperties ui, CarteraProperties properties,
            Cartera cartera, AlertItems alertItems) {
        this.check = properties.duplicateCheck();
        this.cartera = cartera;
        this.alertItems = alertItems;
        this.accounts = accounts;
        this.cards = cards;
        this.activities = activities;
        this.format = format;
        this.messages = messages;
        this.ui = ui;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        Page<AccountView> found = accounts.search(new AccountQuery(q, null, null), new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute("section", "accounts");
        model.addAttribute("q", q);
        model.addAttribute("accounts", found);
        model.addAttribute("badges", alertItems.badges());
        model.addAttribute("pager", PageLinks.of(found, base + "/accounts", filters));
        return Htmx.partial(request) ? "cartera/accounts :: results" : "cartera/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        return form(model, new AccountForm(), new FormErrors(messages));
    }

    /** Likely duplicates of the customer as typed, for the form's warning (htmx, debounced). */
    @PostMapping("/duplicates")
    String duplicatesOf(@ModelAttribute("account") AccountForm form, BindingResult binding, Model model) {
        model.addAttribute("candidates", candidates(form));
        return "cartera/duplicates :: warning";
    }

    /** Creates a customer; with the duplicate check on BLOCK, a likely duplicate needs the user's "not a duplicate". */
    @PostMapping
    String create(@ModelAttribute("account") AccountForm form, BindingResult binding,
            @RequestParam(defaultValue = "false") boolean allowDuplicates, Model model) {
        FormErrors errors = new FormErrors(messages).add(binding);
        AccountDraft draft = form.toDraft();
        try {
            Validator.valid(draft);
        } catch (ValidationException e) {
            errors.add(e);
        }
        if (draft.taxId() != null) {
            try {
                TaxId.of(draft.taxId());
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        if (errors.isEmpty()) {
            try {
                AccountView created = accounts.create(draft, allowDuplicates);
                return "redirect:" + base + "/accounts/" + created.id();
            } catch (DuplicateException e) {
                model.addAttribute("candidates", e.candidates());
                model.addAttribute("blocked", true);
                errors.add("_global", "duplicate.found");
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        return form(model, form, errors);
    }

    private List<DuplicateCandidate> candidates(AccountForm form) {
        if (check == DuplicateCheck.OFF) {
            return List.of();
        }
        try {
            return accounts.duplicates(form.toDraft());
        } catch (ValidationException e) {
            return List.of();
        }
    }

    private String form(Model model, AccountForm form, FormErrors errors) {
        model.addAttribute("section", "accounts");
        model.addAttribute("account", form);
        model.addAttribute("kinds", AccountKind.values());
        model.addAttribute("errors", errors);
        return "cartera/account-form";
    }

    @GetMapping("/{id}")
    String card(@PathVariable UUID id, Model model) {
        model.addAttribute("section", "accounts");
        model.addAttribute("card", cards.card(id));
        model.addAttribute("activityForm", new ActivityForm());
        model.addAttribute("activityErrors", new FormErrors(messages));
        model.addAttribute("activityTypes", ActivityType.values());
        cardExtras(id, model);
        return "cartera/card";
    }

    /** The card's alert badges and documents section (KD-6, KD-7). */
    private void cardExtras(UUID id, Model model) {
        var cardAlerts = alertItems.of(cartera.alerts().onRecord(RecordType.ACCOUNT, id));
        model.addAttribute("cardAlerts", cardAlerts);
        model.addAttribute("cardBadges", AlertItems.Badges.byRecord(cardAlerts));
        model.addAttribute("accountId", id);
        model.addAttribute("account", ((dev.cartera.core.card.CustomerCard) model.getAttribute("card")).account());
        model.addAttribute("documents", cartera.documents().ofRecord(RecordType.ACCOUNT, id));
        model.addAttribute("twins", cartera.duplicates().duplicatesOf(RecordType.ACCOUNT, id).stream()
                .filter(c -> c.type() == RecordType.ACCOUNT && c.visible()).toList());
        model.addAttribute("canMerge", cartera.users().me().role() != dev.cartera.core.access.Role.SALES_REP);
        model.addAttribute("categories", DocumentCategory.values());
        if (!model.containsAttribute("linkErrors")) {
            model.addAttribute("linkErrors", new FormErrors(messages));
        }
    }

    @PostMapping("/{id}/activities")
    String addActivity(@PathVariable UUID id, @ModelAttribute("activityForm") ActivityForm form, BindingResult binding,
            HttpServletRequest request, Model model) {
        FormErrors errors = new FormErrors(messages).add(binding);
        if (errors.isEmpty()) {
            try {
                var created = activities.create(form.toDraft(id, format));
                java.time.Instant reminder = form.reminderAt(format);
                if (reminder != null) {
                    activities.remind(created.id(), created.version(), reminder);
                }
                form = new ActivityForm();
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        if (!Htmx.partial(request) && errors.isEmpty()) {
            return "redirect:" + base + "/accounts/" + id;
        }
        model.addAttribute("section", "accounts");
        model.addAttribute("card", cards.card(id));
        model.addAttribute("activityForm", form);
        model.addAttribute("activityErrors", errors);
        model.addAttribute("activityTypes", ActivityType.values());
        if (!Htmx.partial(request)) {
            cardExtras(id, model);
        }
        return Htmx.partial(request) ? "cartera/card :: activity" : "cartera/card";
    }

    @PostMapping("/{id}/tasks/{taskId}/complete")
    String completeTask(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam(required = false) Long version,
            HttpServletRequest request, Model model) {
        activities.complete(taskId, version, null);
        if (!Htmx.partial(request)) {
            return "redirect:" + base + "/accounts/" + id;
        }
        model.addAttribute("card", cards.card(id));
        model.addAttribute("activityForm", new ActivityForm());
        model.addAttribute("activityErrors", new FormErrors(messages));
        model.addAttribute("activityTypes", ActivityType.values());
        return "cartera/card :: activity";
    }
}
