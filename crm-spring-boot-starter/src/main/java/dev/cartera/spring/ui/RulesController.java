package dev.cartera.spring.ui;

import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserService;
import dev.cartera.core.team.UserView;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.AssigneeKind;
import dev.cartera.rules.CarteraRules;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleExecutionView;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.RuleSetVersionView;
import dev.cartera.rules.RuleValidationException;
import dev.cartera.rules.SampleRecord;
import dev.cartera.rules.SimulationReport;
import dev.cartera.rules.Trigger;
import dev.cartera.rules.VersionStatus;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.api.rule.RuleMetadata;
import dev.cartera.spring.api.rule.RulesAdmin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rules admin (issue 5): both rule sets with their versions, the criteria builder for assignment rules and the
 * editor of automation rules (no DRL needed), validation with errors next to each rule, activation and rollback,
 * the simulator on typed records or real leads, and the assignment history. Admins only; others get 403.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/settings/rules")
class RulesController implements CarteraUiController {
    private static final int SAMPLE_ROWS = 3;

    private final CarteraRules rules;
    private final RulesAdmin admin;
    private final UserService users;
    private final LeadService leads;
    private final String base;
    private final java.time.Clock clock;

    RulesController(CarteraRules rules, RulesAdmin admin, UserService users, LeadService leads, CarteraProperties properties,
            dev.cartera.core.Cartera cartera) {
        this.clock = cartera.transactions().clock();
        this.rules = rules;
        this.admin = admin;
        this.users = users;
        this.leads = leads;
        String b = properties.web().basePath();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @ModelAttribute
    void section(Model model) {
        model.addAttribute("section", "rules");
    }

    @GetMapping
    String list(Model model) {
        admin.require();
        Map<RuleSetKind, List<RuleSetVersionView>> sets = new LinkedHashMap<>();
        for (RuleSetKind kind : RuleSetKind.values()) {
            sets.put(kind, rules.ruleSets().versions(kind));
        }
        model.addAttribute("sets", sets);
        return "cartera/rules";
    }

    /** A new draft: a copy of {@code from} (any version), else of the live version, else a starting point. */
    @PostMapping("/{kind}/drafts")
    String newDraft(@PathVariable String kind, @RequestParam(required = false) UUID from) {
        admin.require();
        RuleSetKind k = kind(kind);
        RuleSetContent content;
        if (from != null) {
            RuleSetVersionView source = rules.ruleSets().version(from);
            if (source.kind() != k) {
                throw new NotFoundException(RecordType.RULE, from);
            }
            content = source.content();
        } else {
            content = rules.ruleSets().active(k).map(RuleSetVersionView::content)
                    .orElseGet(() -> RuleSetForm.starter(k));
        }
        RuleSetVersionView draft = rules.ruleSets().saveDraft(k, content, null, null);
        return "redirect:" + base + "/settings/rules/versions/" + draft.id();
    }

    @PostMapping("/{kind}/rollback")
    String rollback(@PathVariable String kind, Model model) {
        admin.require();
        try {
            RuleSetVersionView restored = rules.ruleSets().rollback(kind(kind));
            return "redirect:" + base + "/settings/rules?restored=" + restored.number();
        } catch (ConflictException e) {
            return "redirect:" + base + "/settings/rules?nothingToRestore";
        }
    }

    @GetMapping("/versions/{id}")
    String editor(@PathVariable UUID id, Model model) {
        admin.require();
        RuleSetVersionView version = rules.ruleSets().version(id);
        RuleSetForm form = RuleSetForm.of(version.kind(), version.content(), version.comment(), rules.ruleSets().revision(id));
        return editorPage(version, form, null, null, model);
    }

    /** Every button of the builder posts here: the change is applied and the draft saved, then validated or activated. */
    @PostMapping("/versions/{id}")
    String save(@PathVariable UUID id, @ModelAttribute("form") RuleSetForm form, @RequestParam(defaultValue = "SAVE") String op,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        admin.require();
        RuleSetVersionView version = rules.ruleSets().version(id);
        if (version.status() != VersionStatus.DRAFT) {
            return "redirect:" + base + "/settings/rules/versions/" + id;
        }
        form.apply(version.kind(), op);
        try {
            version = rules.ruleSets().updateDraft(id, form.expectedRevision(), form.toContent(version.kind()), version.rawDrl(),
                    form.getComment());
        } catch (ConflictException e) {
            RuleSetVersionView stored = rules.ruleSets().version(id);
            RuleSetForm fresh = RuleSetForm.of(stored.kind(), stored.content(), stored.comment(), rules.ruleSets().revision(id));
            model.addAttribute("conflict", true);
            return editorPage(stored, fresh, null, null, model);
        }
        form.setRevision(Long.toString(rules.ruleSets().revision(id)));
        if ("ACTIVATE".equals(op)) {
            try {
                RuleSetVersionView active = rules.ruleSets().activate(id);
                return redirect(base + "/settings/rules?activated=" + active.number(), request, response);
            } catch (RuleValidationException e) {
                return editorPage(version, form, e.errors(), false, model);
            }
        }
        if ("VALIDATE".equals(op)) {
            List<RuleError> errors = rules.ruleSets().validate(id);
            return editorPage(version, form, errors, errors.isEmpty(), model);
        }
        model.addAttribute("saved", true);
        return editorPage(version, form, null, null, model);
    }

    /** Activates a version from the list (a draft, or an archived one brought back). */
    @PostMapping("/versions/{id}/activate")
    String activate(@PathVariable UUID id, Model model) {
        admin.require();
        RuleSetVersionView version = rules.ruleSets().version(id);
        try {
            return "redirect:" + base + "/settings/rules?activated=" + rules.ruleSets().activate(id).number();
        } catch (RuleValidationException e) {
            RuleSetForm form = RuleSetForm.of(version.kind(), version.content(), version.comment(), rules.ruleSets().revision(id));
            return editorPage(version, form, e.errors(), false, model);
        }
    }

    @GetMapping("/versions/{id}/simulate")
    String simulator(@PathVariable UUID id, Model model) {
        admin.require();
        return simulatorPage(rules.ruleSets().version(id), new SimulationForm(), null, null, model);
    }

    @PostMapping("/versions/{id}/simulate")
    String simulate(@PathVariable UUID id, @ModelAttribute("sim") SimulationForm sim, Model model) {
        admin.require();
        RuleSetVersionView version = rules.ruleSets().version(id);
        try {
            SimulationReport report = version.kind() == RuleSetKind.ASSIGNMENT ? simulateAssignment(id, sim) : simulateAutomation(id, sim);
            return simulatorPage(version, sim, report, null, model);
        } catch (RuleValidationException e) {
            return simulatorPage(version, sim, null, e.errors(), model);
        } catch (ValidationException e) {
            model.addAttribute("simError", e.errors().isEmpty() ? "invalid" : e.errors().get(0).code());
            return simulatorPage(version, sim, null, null, model);
        }
    }

    @GetMapping("/history")
    String history(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "ASSIGNMENT") String kind, Model model) {
        admin.require();
        RuleSetKind k = kind(kind);
        PageRequest request = new PageRequest(Math.max(0, page), 25);
        var executions = rules.ruleSets().executions(k, request.page(), request.size());
        Map<UUID, String> leadNames = new LinkedHashMap<>();
        for (RuleExecutionView e : executions.items()) {
            if (e.recordType() == RecordType.LEAD && e.recordId() != null && !leadNames.containsKey(e.recordId())) {
                leadNames.put(e.recordId(), leadName(e.recordId()));
            }
        }
        Map<UUID, Integer> versionNumbers = new LinkedHashMap<>();
        rules.ruleSets().versions(k).forEach(v -> versionNumbers.put(v.id(), v.number()));
        model.addAttribute("kind", k);
        model.addAttribute("kinds", RuleSetKind.values());
        model.addAttribute("executions", executions);
        model.addAttribute("leadNames", leadNames);
        model.addAttribute("versionNumbers", versionNumbers);
        model.addAttribute("userNames", userNames());
        model.addAttribute("pager", PageLinks.of(executions, base + "/settings/rules/history", Map.of("kind", k.name())));
        return "cartera/rules-history";
    }

    /** Absences (X-21): who is away, mark someone absent or back, and the tasks offered back on return. */
    @GetMapping("/absences")
    String absences(@RequestParam(required = false) UUID back, @RequestParam(required = false) Integer absent, Model model) {
        admin.require();
        model.addAttribute("handed", absent);
        model.addAttribute("people", users.list().stream().filter(UserView::active).toList());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("back", back);
        model.addAttribute("offered", back == null ? List.of() : rules.absences().offeredBack(back));
        model.addAttribute("userNames", userNames());
        return "cartera/rules-absences";
    }

    @PostMapping("/absences/{userId}")
    String markAbsent(@PathVariable UUID userId, @RequestParam(required = false) java.time.LocalDate from,
            @RequestParam(required = false) java.time.LocalDate until, Model model) {
        admin.require();
        try {
            if (from == null) {
                throw ValidationException.of("from", "absence.from-required");
            }
            int handed = rules.absences().markAbsent(userId, from, until).size();
            return "redirect:" + base + "/settings/rules/absences?absent=" + handed;
        } catch (ValidationException e) {
            model.addAttribute("absenceError", e.errors().isEmpty() ? "invalid" : e.errors().get(0).code());
            return absences(null, null, model);
        }
    }

    @PostMapping("/absences/{userId}/return")
    String markReturned(@PathVariable UUID userId) {
        admin.require();
        rules.absences().markReturned(userId);
        return "redirect:" + base + "/settings/rules/absences?back=" + userId;
    }

    @PostMapping("/absences/{userId}/take-back")
    String takeBack(@PathVariable UUID userId, @RequestParam(required = false) List<UUID> handover) {
        admin.require();
        if (handover != null && !handover.isEmpty()) {
            rules.absences().takeBack(userId, handover);
        }
        rules.absences().leaveWithColleagues(userId);
        return "redirect:" + base + "/settings/rules/absences?settled";
    }

    private SimulationReport simulateAssignment(UUID id, SimulationForm sim) {
        if (sim.isReal()) {
            return rules.simulator().assignExisting(id, sim.query(), sim.limitValue());
        }
        List<LeadDraft> drafts = sim.getSamples().stream().filter(Objects::nonNull).filter(s -> !s.isBlank())
                .map(SimulationForm.SampleRow::toDraft).toList();
        if (drafts.isEmpty()) {
            throw ValidationException.of("samples", "rules.simulate.no-records");
        }
        return rules.simulator().assignDrafts(id, drafts);
    }

    private SimulationReport simulateAutomation(UUID id, SimulationForm sim) {
        Trigger trigger = RuleSetForm.parse(Trigger.class, sim.getTrigger());
        if (trigger == null) {
            throw ValidationException.of("trigger", "rules.simulate.trigger-required");
        }
        if (sim.isReal()) {
            if (trigger.recordType() != RecordType.LEAD) {
                throw ValidationException.of("trigger", "rules.simulate.lead-trigger-required");
            }
            List<UUID> ids = leads.search(sim.query(), new PageRequest(0, sim.limitValue())).items().stream().map(LeadView::id).toList();
            return rules.simulator().automateExisting(id, trigger, ids);
        }
        List<SampleRecord> samples = new ArrayList<>();
        int n = 1;
        for (SimulationForm.SampleRow row : sim.getSamples()) {
            if (row != null && !row.isBlank()) {
                samples.add(new SampleRecord("#" + n++, trigger, row.fields(), RuleSetForm.uuid(row.getOwnerId())));
            }
        }
        if (samples.isEmpty()) {
            throw ValidationException.of("samples", "rules.simulate.no-records");
        }
        return rules.simulator().automate(id, samples);
    }

    private String editorPage(RuleSetVersionView version, RuleSetForm form, List<RuleError> errors, Boolean valid, Model model) {
        boolean assignment = version.kind() == RuleSetKind.ASSIGNMENT;
        Map<String, List<RuleError>> byRule = new LinkedHashMap<>();
        List<RuleError> general = new ArrayList<>();
        if (errors != null) {
            var names = form.getRules().stream().map(RuleSetForm.RuleRow::getName).filter(Objects::nonNull).collect(Collectors.toSet());
            for (RuleError e : errors) {
                if (e.rule() != null && names.contains(e.rule())) {
                    byRule.computeIfAbsent(e.rule(), k -> new ArrayList<>()).add(e);
                } else {
                    general.add(e);
                }
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("form", form);
        model.addAttribute("assignment", assignment);
        model.addAttribute("editable", version.status() == VersionStatus.DRAFT);
        model.addAttribute("ruleErrors", byRule);
        model.addAttribute("generalErrors", general);
        model.addAttribute("errorCount", errors == null ? 0 : errors.size());
        model.addAttribute("valid", valid);
        model.addAttribute("triggers", Trigger.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("assigneeKinds", RuleMetadata.assignmentAssignees());
        model.addAttribute("taskAssigneeKinds", java.util.Arrays.stream(AssigneeKind.values()).filter(k -> k != AssigneeKind.TERRITORY).toList());
        model.addAttribute("actionKinds", ActionKind.values());
        model.addAttribute("taskTypes", dev.cartera.core.activity.ActivityType.values());
        model.addAttribute("alertKinds", dev.cartera.core.alert.AlertKind.values());
        model.addAttribute("severities", dev.cartera.core.alert.Severity.values());
        model.addAttribute("recipients", Recipient.values());
        model.addAttribute("leadStatuses", LeadStatus.values());
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        model.addAttribute("teams", users.teams());
        model.addAttribute("userNames", userNames());
        model.addAttribute("teamNames", users.teams().stream().collect(Collectors.toMap(TeamView::id, TeamView::name)));
        return "cartera/rules-editor";
    }

    private String simulatorPage(RuleSetVersionView version, SimulationForm sim, SimulationReport report, List<RuleError> errors,
            Model model) {
        while (sim.getSamples().size() < SAMPLE_ROWS) {
            sim.getSamples().add(new SimulationForm.SampleRow());
        }
        if (sim.getTrigger() == null && version.kind() == RuleSetKind.AUTOMATION) {
            version.content().automation().stream().map(r -> r.trigger()).filter(Objects::nonNull).findFirst()
                    .ifPresent(t -> sim.setTrigger(t.name()));
        }
        model.addAttribute("version", version);
        model.addAttribute("assignment", version.kind() == RuleSetKind.ASSIGNMENT);
        model.addAttribute("sim", sim);
        model.addAttribute("report", report);
        model.addAttribute("compileErrors", errors);
        model.addAttribute("triggers", Trigger.values());
        model.addAttribute("leadStatuses", LeadStatus.values());
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        model.addAttribute("userNames", userNames());
        return "cartera/rules-simulate";
    }

    private Map<UUID, String> userNames() {
        return users.list().stream().collect(Collectors.toMap(UserView::id, u -> u.displayName() == null ? u.username() : u.displayName(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private String leadName(UUID id) {
        try {
            LeadView lead = leads.get(id);
            String person = ((lead.firstName() == null ? "" : lead.firstName() + " ") + (lead.lastName() == null ? "" : lead.lastName())).strip();
            return lead.companyName() == null ? person : person.isEmpty() ? lead.companyName() : person + " (" + lead.companyName() + ")";
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static RuleSetKind kind(String kind) {
        try {
            return RuleSetKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(RecordType.RULE, null);
        }
    }

    /** A full-page redirect, also when the form was posted by htmx (which would otherwise swap the next page in). */
    private static String redirect(String url, HttpServletRequest request, HttpServletResponse response) {
        if (Htmx.partial(request)) {
            response.setHeader("HX-Redirect", url);
            return "cartera/rules-empty";
        }
        return "redirect:" + url;
    }
}
