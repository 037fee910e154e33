package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountQuery;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.records.RecordRef;
import dev.cartera.spring.CarteraProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bulk tasks from the customer list (X-17, "call every customer in this list"): the selected rows, or
 * every result of the current search, get one task each — all or nothing, through the core's
 * {@code createForEach}.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/accounts/bulk-task")
class BulkTaskController implements CarteraUiController {
    static final int LIMIT = 1_000;
    private static final int PREVIEW = 8;

    private final AccountService accounts;
    private final Cartera cartera;
    private final CarteraUiFormat format;
    private final CarteraMessages messages;
    private final String base;

    BulkTaskController(Cartera cartera, CarteraUiFormat format, CarteraMessages messages, CarteraProperties properties) {
        this.cartera = cartera;
        this.accounts = cartera.accounts();
        this.format = format;
        this.messages = messages;
        this.base = properties.web().basePath();
    }

    /** The small form: what to create for the chosen customers. */
    @GetMapping
    String form(@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String q, Model model) {
        fill(model, ids, all, q, ActivityType.CALL, null, null, new FormErrors(messages));
        return "cartera/bulk-task";
    }

    @PostMapping
    String create(@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "CALL") ActivityType type,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            Model model, RedirectAttributes redirect) {
        List<UUID> chosen = chosen(ids, all, q);
        FormErrors errors = new FormErrors(messages);
        if (chosen.isEmpty()) {
            errors.add("records", "bulk.none");
        } else if (chosen.size() > LIMIT) {
            errors.add("records", "activity.bulk.size");
        } else {
            try {
                LocalDate day = due == null ? LocalDate.ofInstant(format.now(), cartera.zone()) : due;
                cartera.activities().createForEach(chosen.stream().map(id -> new RecordRef(RecordType.ACCOUNT, id)).toList(),
                        new ActivityDraft(type, subject, null, null, null, null, format.endOf(day), null, null,
                                Priority.NORMAL, null, null, false));
                redirect.addFlashAttribute("bulkCreated", chosen.size());
                return "redirect:" + UriComponentsBuilder.fromPath(base + "/accounts").queryParamIfPresent("q",
                        java.util.Optional.ofNullable(q).filter(s -> !s.isBlank())).encode().build().toUriString();
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        fill(model, ids, all, q, type, subject, due, errors);
        return "cartera/bulk-task";
    }

    private void fill(Model model, List<UUID> ids, boolean all, String q, ActivityType type, String subject, LocalDate due,
            FormErrors errors) {
        List<UUID> chosen = chosen(ids, all, q);
        Map<UUID, String> names = new LinkedHashMap<>();
        for (UUID id : chosen.subList(0, Math.min(PREVIEW, chosen.size()))) {
            names.putAll(AccountNames.of(accounts, List.of(id)));
        }
        model.addAttribute("section", "accounts");
        model.addAttribute("ids", all ? List.of() : chosen);
        model.addAttribute("all", all);
        model.addAttribute("q", q);
        model.addAttribute("count", chosen.size());
        model.addAttribute("preview", names.values());
        model.addAttribute("more", Math.max(0, chosen.size() - names.size()));
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("type", type);
        model.addAttribute("subject", subject);
        model.addAttribute("due", due == null ? LocalDate.ofInstant(format.now(), cartera.zone()) : due);
        model.addAttribute("errors", errors);
    }

    /** The selected ids, or every customer the search finds (the caller's scope applies), up to the limit plus one. */
    private List<UUID> chosen(List<UUID> ids, boolean all, String q) {
        if (!all) {
            return ids == null ? List.of() : ids.stream().distinct().toList();
        }
        List<UUID> found = new ArrayList<>();
        int page = 0;
        while (found.size() <= LIMIT) {
            Page<AccountView> results = accounts.search(new AccountQuery(q, null, null), new PageRequest(page++, PageRequest.MAX_SIZE));
            results.items().forEach(a -> found.add(a.id()));
            if (!results.hasNext()) {
                break;
            }
        }
        return found;
    }
}
