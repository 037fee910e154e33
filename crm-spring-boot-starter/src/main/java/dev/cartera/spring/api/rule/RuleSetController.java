package dev.cartera.spring.api.rule;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadView;
import dev.cartera.rules.CarteraRules;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleExecutionView;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.RuleSetVersionView;
import dev.cartera.rules.RuleValidationException;
import dev.cartera.rules.SimulationReport;
import dev.cartera.rules.Trigger;
import dev.cartera.rules.VersionStatus;
import dev.cartera.spring.api.rule.RuleRequests.DraftRequest;
import dev.cartera.spring.api.rule.RuleRequests.LeadFilter;
import dev.cartera.spring.api.rule.RuleRequests.SimulationRequest;
import dev.cartera.spring.api.rule.RuleRequests.ValidationResult;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule sets of the caller's firm (issue 5): versions (draft → active → archived), drafts written as structured
 * JSON, validation with errors by rule name, activation and rollback without a restart, the simulator that writes
 * nothing, and the history of what rules decided. Admins only (see {@link RulesAdmin}); raw DRL also needs its
 * own permission, off by default.
 */
@RestController
@RequestMapping("/rules")
public class RuleSetController {
    private final CarteraRules rules;
    private final LeadService leads;
    private final RulesAdmin admin;
    private final RuleTexts texts;

    public RuleSetController(CarteraRules rules, LeadService leads, RulesAdmin admin, RuleTexts texts) {
        this.rules = rules;
        this.leads = leads;
        this.admin = admin;
        this.texts = texts;
    }

    /** Triggers, fields, operators, assignee and action kinds the editors may offer, from the module's enums. */
    @GetMapping("/metadata")
    public RuleMetadata metadata() {
        admin.require();
        return RuleMetadata.current();
    }

    /** Both rule sets (assignment, automation) with their live version and how many versions each has. */
    @GetMapping("/sets")
    public List<RuleSetSummary> sets() {
        admin.require();
        return Arrays.stream(RuleSetKind.values()).map(kind -> RuleSetSummary.of(kind, rules.ruleSets().versions(kind))).toList();
    }

    /** The versions of one set, newest first; {@code status} keeps only drafts, the active one or archived ones. */
    @GetMapping("/sets/{kind}/versions")
    public ApiPage<RuleSetVersionView> versions(@PathVariable RuleSetKind kind, @RequestParam(required = false) VersionStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        admin.require();
        PageRequest request = new PageRequest(page, size);
        List<RuleSetVersionView> all = rules.ruleSets().versions(kind).stream()
                .filter(v -> status == null || v.status() == status).toList();
        int from = Math.min(all.size(), request.page() * request.size());
        int to = Math.min(all.size(), from + request.size());
        return ApiPage.of(new Page<>(all.subList(from, to), request.page(), request.size(), all.size()));
    }

    /** A new draft of the set (created on first use) from structured rules. */
    @PostMapping("/sets/{kind}/versions")
    public ResponseEntity<RuleSetVersionView> createDraft(@PathVariable RuleSetKind kind, @Valid @RequestBody DraftRequest body) {
        admin.require();
        RuleSetVersionView draft = rules.ruleSets().saveDraft(kind, body.content(), body.rawDrl(), body.comment());
        return ResponseEntity.created(org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(versionPath(draft.id())).build().toUri())
                .eTag(Long.toString(rules.ruleSets().revision(draft.id()))).body(draft);
    }

    /** Restores the version that was live before the current one. */
    @PostMapping("/sets/{kind}/rollback")
    public ResponseEntity<Object> rollback(@PathVariable RuleSetKind kind,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        try {
            RuleSetVersionView restored = rules.ruleSets().rollback(kind);
            return ResponseEntity.ok().eTag(Long.toString(rules.ruleSets().revision(restored.id()))).body(restored);
        } catch (RuleValidationException e) {
            return invalid(e.errors(), language);
        }
    }

    @GetMapping("/versions/{id}")
    public ResponseEntity<RuleSetVersionView> version(@PathVariable UUID id) {
        admin.require();
        RuleSetVersionView version = rules.ruleSets().version(id);
        return Versions.ok(version, rules.ruleSets().revision(id));
    }

    /** Replaces a draft's rules; {@code If-Match} with the ETag guards against overwriting someone else's edit. */
    @PutMapping("/versions/{id}")
    public ResponseEntity<RuleSetVersionView> updateDraft(@PathVariable UUID id, @Valid @RequestBody DraftRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        admin.require();
        rules.ruleSets().updateDraft(id, Versions.expected(ifMatch), body.content(), body.rawDrl(), body.comment());
        return version(id);
    }

    /** 200 when the version may go live; 422 {@code rules.invalid} listing every problem by rule name otherwise. */
    @PostMapping("/versions/{id}/validate")
    public ResponseEntity<Object> validate(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        List<RuleError> errors = rules.ruleSets().validate(id);
        return errors.isEmpty() ? ResponseEntity.ok(new ValidationResult(true, List.of())) : invalid(errors, language);
    }

    /** Makes the version live now (the previous one is archived); an invalid version answers 422 and changes nothing. */
    @PostMapping("/versions/{id}/activate")
    public ResponseEntity<Object> activate(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        try {
            RuleSetVersionView active = rules.ruleSets().activate(id);
            return ResponseEntity.ok().eTag(Long.toString(rules.ruleSets().revision(id))).body(active);
        } catch (RuleValidationException e) {
            return invalid(e.errors(), language);
        }
    }

    /**
     * What the version would do with the records asked for, per record and why (each reason and planned action with
     * its {@code code}, {@code args} and a {@code message} in the Accept-Language, Spanish by default); nothing is written.
     */
    @PostMapping("/versions/{id}/simulate")
    public ResponseEntity<Object> simulate(@PathVariable UUID id, @Valid @RequestBody SimulationRequest body,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        RuleSetKind kind = rules.ruleSets().version(id).kind();
        try {
            SimulationReport report = kind == RuleSetKind.ASSIGNMENT ? simulateAssignment(id, body) : simulateAutomation(id, body);
            return ResponseEntity.ok(RuleResponses.Simulation.of(report, texts, RuleResponses.locale(language)));
        } catch (RuleValidationException e) {
            return invalid(e.errors(), language);
        }
    }

    private SimulationReport simulateAssignment(UUID id, SimulationRequest body) {
        if (body.leads() != null && !body.leads().isEmpty()) {
            return rules.simulator().assignDrafts(id, body.leads());
        }
        return rules.simulator().assignExisting(id, query(body.filter()), limit(body));
    }

    private SimulationReport simulateAutomation(UUID id, SimulationRequest body) {
        if (body.samples() != null && !body.samples().isEmpty()) {
            if (body.samples().stream().anyMatch(s -> s.trigger() == null)) {
                throw ValidationException.of("samples", "rules.simulate.trigger-required");
            }
            return rules.simulator().automate(id, body.samples());
        }
        Trigger trigger = body.trigger();
        if (trigger == null) {
            throw ValidationException.of("trigger", "rules.simulate.trigger-required");
        }
        if (body.recordIds() != null && !body.recordIds().isEmpty()) {
            return rules.simulator().automateExisting(id, trigger, body.recordIds());
        }
        if (trigger.recordType() != dev.cartera.core.common.RecordType.LEAD) {
            throw ValidationException.of("recordIds", "rules.simulate.records-required");
        }
        List<UUID> ids = leads.search(query(body.filter()), new PageRequest(0, limit(body))).items().stream().map(LeadView::id).toList();
        return rules.simulator().automateExisting(id, trigger, ids);
    }

    /** What rules decided, newest first: {@code kind} ASSIGNMENT (the default) or AUTOMATION. */
    @GetMapping("/history")
    public ApiPage<RuleResponses.Execution> history(@RequestParam(defaultValue = "ASSIGNMENT") RuleSetKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        PageRequest request = new PageRequest(page, size);
        Locale locale = RuleResponses.locale(language);
        Page<RuleExecutionView> executions = rules.ruleSets().executions(kind, request.page(), request.size());
        return ApiPage.of(executions.map(e -> RuleResponses.Execution.of(e, texts, locale)));
    }

    /** Everything rules decided about one record (which rule gave a lead its owner, which automation acted on it). */
    @GetMapping("/history/{recordId}")
    public List<RuleResponses.Execution> historyOf(@PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        admin.require();
        Locale locale = RuleResponses.locale(language);
        return rules.ruleSets().history(recordId).stream().map(e -> RuleResponses.Execution.of(e, texts, locale)).toList();
    }

    private static LeadQuery query(LeadFilter filter) {
        return filter == null ? LeadQuery.all() : new LeadQuery(filter.text(), filter.status(), filter.source(), filter.ownerId());
    }

    private static int limit(SimulationRequest body) {
        return body.limit() == null ? 50 : body.limit();
    }

    private String versionPath(UUID id) {
        String current = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        return current.substring(0, current.indexOf("/rules/")) + "/rules/versions/" + id;
    }

    /**
     * 422 {@code rules.invalid} with one {@code {rule, code, args, message}} per problem, in the admin's own rule names
     * and the Accept-Language (Spanish by default).
     */
    ResponseEntity<Object> invalid(List<RuleError> errors, String language) {
        Locale locale = RuleResponses.locale(language);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                texts.summary(errors.size(), locale));
        problem.setProperty("code", "rules.invalid");
        problem.setProperty("errors", errors.stream().map(e -> RuleTexts.RuleErrorDto.of(e, texts, locale)).toList());
        return ResponseEntity.unprocessableContent().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One rule set as listed: its kind, live version and how many versions of each status it has. */
    public record RuleSetSummary(RuleSetKind kind, UUID ruleSetId, UUID activeVersionId, Integer activeNumber, Instant activatedAt,
            String activatedBy, int versions, int drafts, int archived) {
        static RuleSetSummary of(RuleSetKind kind, List<RuleSetVersionView> versions) {
            RuleSetVersionView active = versions.stream().filter(v -> v.status() == VersionStatus.ACTIVE).findFirst().orElse(null);
            return new RuleSetSummary(kind, versions.isEmpty() ? null : versions.get(0).ruleSetId(),
                    active == null ? null : active.id(), active == null ? null : active.number(),
                    active == null ? null : active.activatedAt(), active == null ? null : active.activatedBy(), versions.size(),
                    (int) versions.stream().filter(v -> v.status() == VersionStatus.DRAFT).count(),
                    (int) versions.stream().filter(v -> v.status() == VersionStatus.ARCHIVED).count());
        }
    }

    /** Lets {@code /rules/sets/assignment/…} name the kind in lower case too. */
    static final class KindConverter implements Converter<String, RuleSetKind> {
        @Override
        public RuleSetKind convert(String source) {
            return RuleSetKind.valueOf(source.strip().toUpperCase(Locale.ROOT));
        }
    }
}
