package dev.cartera.spring.ui;

import dev.cartera.core.access.Role;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateException;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.lead.BulkResult;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.team.UserService;
import dev.cartera.core.team.UserView;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Leads (KD-2): list with filters, the lead page, the form (create and edit), status changes and conversion. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/leads")
class LeadController implements CarteraUiController {
    private static final String FORM = "cartera/lead-form";

    private final LeadService leads;
    private final DuplicateService duplicates;
    private final UserService users;
    private final CarteraMessages messages;
    private final CarteraUiProperties ui;
    private final String base;

    /** The rules module when installed: the lead page says which assignment rule gave the lead its owner. */
    private final org.springframework.beans.factory.ObjectProvider<dev.cartera.rules.CarteraRules> rules;

    LeadController(LeadService leads, DuplicateService duplicates, UserService users, CarteraMessages messages,
            CarteraUiProperties ui, CarteraProperties properties,
            org.springframework.beans.factory.ObjectProvider<dev.cartera.rules.CarteraRules> rules) {
        this.rules = rules;
        this.leads = leads;
        this.duplicates = duplicates;
        this.users = users;
        this.messages = messages;
        this.ui = ui;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        Page<LeadView> found = leads.search(new LeadQuery(q, status, source, owner), new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", status);
        filters.put("source", source);
        filters.put("owner", owner);
        List<UserView> team = users.list().stream().filter(UserView::active).toList();
        Map<UUID, String> ownerNames = new LinkedHashMap<>();
        team.forEach(u -> ownerNames.put(u.id(), u.displayName()));
        model.addAttribute("section", "leads");
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("source", source);
        model.addAttribute("owner", owner);
        model.addAttribute("owners", team);
        model.addAttribute("ownerNames", ownerNames);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("bulkStatuses", List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED));
        model.addAttribute("sources", LeadForm.SOURCES);
        model.addAttribute("leads", found);
        model.addAttribute("pager", PageLinks.of(found, base + "/leads", filters));
        return Htmx.partial(request) ? "cartera/leads :: results" : "cartera/leads";
    }

    /** Bulk change of the selected leads: one owner or one status; each lead is checked on its own. */
    @PostMapping("/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam String action,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("bulkError", "cartera.leads.bulk.noneSelected");
            return "redirect:" + base + "/leads";
        }
        try {
            BulkResult result;
            if ("owner".equals(action)) {
                if (ownerId == null) {
                    throw ValidationException.of("ownerId", "validation.NotNull");
                }
                result = leads.bulkAssign(ids, ownerId);
            } else {
                if (status == null) {
                    throw ValidationException.of("status", "validation.NotNull");
                }
                if (status == LeadStatus.DISQUALIFIED && (reason == null || reason.isBlank())) {
                    redirect.addFlashAttribute("bulkError", "cartera.leads.bulk.reasonRequired");
                    return "redirect:" + base + "/leads";
                }
                result = leads.bulkChangeStatus(ids, status, reason);
            }
            redirect.addFlashAttribute("bulkChanged", result.changed().size());
            redirect.addFlashAttribute("bulkFailed", result.failed().size());
            redirect.addFlashAttribute("bulkReason", result.failed().values().stream().findFirst()
                    .map(code -> messages.has("cartera.error." + code) ? "cartera.error." + code : "cartera.error.invalid").orElse(null));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("bulkError", new FormErrors(messages).add(e).all().values().stream().findFirst()
                    .orElse("cartera.error.invalid"));
        }
        return "redirect:" + base + "/leads";
    }

    /** Likely duplicates of the lead as typed, for the form's warning (htmx, debounced). */
    @PostMapping("/duplicates")
    String duplicatesOf(@ModelAttribute("lead") LeadForm form, BindingResult binding,
            @RequestParam(required = false) UUID existingId, Model model) {
        List<DuplicateCandidate> found;
        try {
            found = leads.duplicates(form.toDraft(null)).stream().filter(c -> !c.id().equals(existingId)).toList();
        } catch (ValidationException e) {
            found = List.of();
        }
        model.addAttribute("candidates", found);
        return "cartera/lead-form :: duplicates";
    }

    @GetMapping("/new")
    String newLead(Model model) {
        return form(model, LeadForm.empty(), null, new FormErrors(messages));
    }

    @PostMapping
    String create(@ModelAttribute("lead") LeadForm form, BindingResult binding,
            @RequestParam(defaultValue = "false") boolean allowDuplicates, Model model) {
        FormErrors errors = check(form.toDraft(null), binding);
        if (errors.isEmpty()) {
            try {
                LeadView created = leads.createChecked(form.toDraft(null), allowDuplicates).lead();
                return "redirect:" + base + "/leads/" + created.id();
            } catch (DuplicateException e) {
                // The duplicate check is on BLOCK: show the twins and let the user create it anyway.
                model.addAttribute("candidates", e.candidates());
                model.addAttribute("blocked", true);
                errors.add("_global", "duplicate.found");
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        LeadView lead = leads.get(id);
        model.addAttribute("section", "leads");
        model.addAttribute("lead", lead);
        model.addAttribute("errors", new FormErrors(messages));
        model.addAttribute("twins", duplicates.duplicatesOf(RecordType.LEAD, id));
        model.addAttribute("canMerge", users.me().role() != Role.SALES_REP);
        // Who the lead went to (by hand or by an assignment rule), so the one who created it sees where it went.
        model.addAttribute("ownerName", lead.ownerId() == null ? null : users.list().stream()
                .filter(u -> u.id().equals(lead.ownerId())).map(UserView::displayName).findFirst().orElse(null));
        model.addAttribute("assignedByRule", assignedByRule(id));
        return "cartera/lead";
    }

    private String assignedByRule(UUID lead) {
        dev.cartera.rules.CarteraRules installed = rules.getIfAvailable();
        if (installed == null) {
            return null;
        }
        try {
            return installed.ruleSets().history(lead).stream().filter(e -> e.kind() == dev.cartera.rules.RuleSetKind.ASSIGNMENT)
                    .map(dev.cartera.rules.RuleExecutionView::ruleName).findFirst().orElse(null);
        } catch (dev.cartera.core.common.CrmException e) {
            return null;
        }
    }

    /** Merges a twin into this lead (managers and up; the page asks for confirmation first). */
    @PostMapping("/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam UUID duplicateId, Model model) {
        try {
            duplicates.merge(RecordType.LEAD, id, duplicateId);
        } catch (ValidationException e) {
            return showWithErrors(id, model, new FormErrors(messages).add(e));
        }
        return "redirect:" + base + "/leads/" + id + "?merged=1";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        LeadView lead = leads.get(id);
        return form(model, LeadForm.of(lead), lead, new FormErrors(messages));
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @ModelAttribute("lead") LeadForm form, BindingResult binding, Model model) {
        LeadView existing = leads.get(id);
        FormErrors errors = check(form.toDraft(existing), binding);
        if (errors.isEmpty()) {
            try {
                leads.update(id, version, form.toDraft(existing));
                return "redirect:" + base + "/leads/" + id;
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        return form(model, form, existing, errors);
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam LeadStatus status, @RequestParam(required = false) String reason, Model model) {
        try {
            leads.changeStatus(id, version, status, reason);
        } catch (ValidationException e) {
            return showWithErrors(id, model, new FormErrors(messages).add(e));
        }
        return "redirect:" + base + "/leads/" + id;
    }

    @PostMapping("/{id}/convert")
    String convert(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam(defaultValue = "false") boolean createOpportunity,
            @RequestParam(required = false) String opportunityName, @RequestParam(required = false) String amount,
            Locale locale, Model model) {
        BigDecimal parsed;
        try {
            parsed = createOpportunity ? CarteraUiFormat.parseAmount(amount, locale).orElse(null) : null;
        } catch (NumberFormatException e) {
            return showWithErrors(id, model, new FormErrors(messages).add("amount", "typeMismatch"));
        }
        try {
            ConversionResult result = leads.convert(id, version,
                    new LeadConversion(null, createOpportunity, opportunityName, parsed));
            return "redirect:" + base + "/accounts/" + result.accountId();
        } catch (ValidationException e) {
            return showWithErrors(id, model, new FormErrors(messages).add(e));
        }
    }

    private String showWithErrors(UUID id, Model model, FormErrors errors) {
        show(id, model);
        model.addAttribute("errors", errors);
        return "cartera/lead";
    }

    /** Checks the draft and the tax id together, so the user sees every error at once. */
    private FormErrors check(LeadDraft draft, BindingResult binding) {
        FormErrors errors = new FormErrors(messages).add(binding);
        try {
            Validator.valid(draft);
        } catch (ValidationException e) {
            errors.add(e);
        }
        if (draft.taxId() != null && !draft.taxId().isBlank()) {
            try {
                TaxId.of(draft.taxId());
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        return errors;
    }

    private String form(Model model, LeadForm form, LeadView existing, FormErrors errors) {
        model.addAttribute("section", "leads");
        model.addAttribute("lead", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", LeadForm.SOURCES);
        return FORM;
    }
}
