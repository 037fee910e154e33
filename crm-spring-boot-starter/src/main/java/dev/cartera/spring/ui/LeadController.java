package dev.cartera.spring.ui;

import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
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

/** Leads (KD-2): list with filters, the lead page, the form (create and edit), status changes and conversion. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/leads")
class LeadController implements CarteraUiController {
    private static final String FORM = "cartera/lead-form";

    private final LeadService leads;
    private final CarteraMessages messages;
    private final CarteraUiProperties ui;
    private final String base;

    LeadController(LeadService leads, CarteraMessages messages, CarteraUiProperties ui, CarteraProperties properties) {
        this.leads = leads;
        this.messages = messages;
        this.ui = ui;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        Page<LeadView> found = leads.search(new LeadQuery(q, status, source, null), new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", status);
        filters.put("source", source);
        model.addAttribute("section", "leads");
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("source", source);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("sources", LeadForm.SOURCES);
        model.addAttribute("leads", found);
        model.addAttribute("pager", PageLinks.of(found, base + "/leads", filters));
        return Htmx.partial(request) ? "cartera/leads :: results" : "cartera/leads";
    }

    @GetMapping("/new")
    String newLead(Model model) {
        return form(model, LeadForm.empty(), null, new FormErrors(messages));
    }

    @PostMapping
    String create(@ModelAttribute("lead") LeadForm form, BindingResult binding, Model model) {
        FormErrors errors = check(form.toDraft(null), binding);
        if (errors.isEmpty()) {
            try {
                LeadView created = leads.create(form.toDraft(null));
                return "redirect:" + base + "/leads/" + created.id();
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
        return "cartera/lead";
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
