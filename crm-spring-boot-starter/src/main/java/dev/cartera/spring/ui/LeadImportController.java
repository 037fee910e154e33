package dev.cartera.spring.ui;

import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.imports.ColumnMapping;
import dev.cartera.core.imports.DuplicatePolicy;
import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.imports.ImportPreview;
import dev.cartera.core.imports.ImportRowErrorView;
import dev.cartera.core.imports.ImportRunView;
import dev.cartera.core.imports.ImportService;
import dev.cartera.core.imports.ImportStatus;
import dev.cartera.core.imports.LeadField;
import dev.cartera.core.imports.PreviewOptions;
import dev.cartera.core.imports.RowCheck;
import dev.cartera.core.imports.RowProblem;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The lead import wizard (KD-2, B-8): upload → preview (how the file reads, its first rows exactly as
 * parsed, each row's check) → mapping and duplicate policy → start → progress, with cancel, resume and
 * the failed rows as a CSV. Every step reads the staged file again by the import's id, so the wizard
 * keeps nothing in the HTTP session and works on any node.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/leads/import")
class LeadImportController implements CarteraUiController {
    private static final int RECENT = 10;
    private static final int ERRORS_SHOWN = 50;
    private static final String COLUMN_PARAM = "col.";

    private final ImportService imports;
    private final CarteraMessages messages;
    private final String base;

    LeadImportController(ImportService imports, CarteraMessages messages, CarteraProperties properties) {
        this.imports = imports;
        this.messages = messages;
        String path = properties.web().basePath();
        this.base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @GetMapping
    String upload(Model model) {
        return uploadPage(model, null, null);
    }

    @PostMapping
    String preview(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String template,
            Model model, HttpServletResponse response) {
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            return uploadPage(model, "cartera.error.import.file.empty", template);
        }
        try (InputStream in = file.getInputStream()) {
            ImportPreview preview = imports.preview(in, file.getOriginalFilename(),
                    new PreviewOptions(template == null || template.isBlank() ? null : template, null));
            return "redirect:" + base + "/leads/import/" + preview.previewId();
        } catch (ImportFileException | ValidationException e) {
            response.setStatus(422);
            return uploadPage(model, errorKey(e), template);
        } catch (IOException e) {
            response.setStatus(422);
            return uploadPage(model, "cartera.error.import.file.unreadable", template);
        }
    }

    /** One address per import: its preview while it has not started, its progress afterwards. */
    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        ImportRunView run = imports.status(id);
        if (run.status() == ImportStatus.PREVIEW) {
            ImportPreview preview = imports.review(id, null, null);
            common(model);
            model.addAttribute("preview", preview);
            model.addAttribute("rows", rows(preview));
            model.addAttribute("invalidRows", preview.checks().stream().filter(c -> !c.valid()).count());
            return "cartera/lead-import-preview";
        }
        return runPage(model, run);
    }

    @GetMapping("/{id}/mapping")
    String mapping(@PathVariable UUID id, @RequestParam(required = false) String template, Model model) {
        try {
            return mappingPage(model, imports.review(id, template, null), null, null, DuplicatePolicy.SKIP);
        } catch (ValidationException e) {
            return mappingPage(model, imports.review(id, null, null), errorKey(e), null, DuplicatePolicy.SKIP);
        }
    }

    /** Checks a corrected mapping against the first rows, and saves it as a template when asked to. */
    @PostMapping("/{id}/mapping")
    String checkMapping(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @RequestParam(required = false) String templateName, @RequestParam(required = false) DuplicatePolicy policy,
            @RequestParam(required = false) String action, Model model, HttpServletResponse response) {
        DuplicatePolicy chosen = policy == null ? DuplicatePolicy.SKIP : policy;
        ColumnMapping mapping;
        try {
            mapping = mappingOf(params);
        } catch (ValidationException e) {
            response.setStatus(422);
            return mappingPage(model, imports.review(id, null, null), errorKey(e), null, chosen);
        }
        ImportPreview preview = imports.review(id, null, mapping);
        if ("save-template".equals(action)) {
            try {
                imports.saveTemplate(templateName, id, mapping);
                return mappingPage(model, preview, null, "cartera.import.template.saved", chosen);
            } catch (ValidationException e) {
                response.setStatus(422);
                return mappingPage(model, preview, "cartera.error.import.template.name", null, chosen);
            }
        }
        return mappingPage(model, preview, null, null, chosen);
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @RequestParam(required = false) DuplicatePolicy policy, Model model, HttpServletResponse response) {
        DuplicatePolicy chosen = policy == null ? DuplicatePolicy.SKIP : policy;
        ColumnMapping mapping = null;
        try {
            mapping = mappingOf(params);
            imports.start(id, mapping, chosen);
            return "redirect:" + base + "/leads/import/" + id;
        } catch (ValidationException e) {
            response.setStatus(422);
            ImportPreview preview = imports.review(id, null, mapping);
            return mappingPage(model, preview, errorKey(e), null, chosen);
        }
    }

    /** The progress panel alone, polled by htmx every second until the run is over. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletRequest request) {
        ImportRunView run = imports.status(id);
        if (!Htmx.partial(request)) {
            return "redirect:" + base + "/leads/import/" + id;
        }
        runModel(model, run);
        return "cartera/lead-import-run :: progress";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        imports.cancel(id);
        return "redirect:" + base + "/leads/import/" + id;
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable UUID id) {
        imports.resume(id);
        return "redirect:" + base + "/leads/import/" + id;
    }

    /** The failed rows to fix and import again: original cells plus line, column and reason; formulas neutralised. */
    @GetMapping("/{id}/errors.csv")
    ResponseEntity<StreamingResponseBody> errorsCsv(@PathVariable UUID id) {
        imports.status(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("errores-" + id + ".csv").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out -> imports.writeErrorsCsv(id, out));
    }

    private String uploadPage(Model model, String errorKey, String template) {
        common(model);
        model.addAttribute("uploadError", errorKey);
        model.addAttribute("template", template);
        model.addAttribute("templates", imports.templates());
        model.addAttribute("runs", imports.runs(new PageRequest(0, RECENT)));
        return "cartera/lead-import";
    }

    private String mappingPage(Model model, ImportPreview preview, String errorKey, String noticeKey, DuplicatePolicy policy) {
        common(model);
        model.addAttribute("preview", preview);
        model.addAttribute("rows", rows(preview));
        model.addAttribute("invalidRows", preview.checks().stream().filter(c -> !c.valid()).count());
        model.addAttribute("targets", Arrays.stream(LeadField.values()).map(LeadField::key).toList());
        model.addAttribute("customTargets", imports.customFieldKeys());
        model.addAttribute("templates", imports.templates());
        model.addAttribute("policies", DuplicatePolicy.values());
        model.addAttribute("policy", policy);
        model.addAttribute("mappingError", errorKey);
        model.addAttribute("notice", noticeKey);
        return "cartera/lead-import-mapping";
    }

    private String runPage(Model model, ImportRunView run) {
        common(model);
        runModel(model, run);
        model.addAttribute("runs", run.finished() ? imports.runs(new PageRequest(0, RECENT)) : List.of());
        return "cartera/lead-import-run";
    }

    private void runModel(Model model, ImportRunView run) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("run", run);
        List<ErrorLine> errors = new ArrayList<>();
        if (run.rowsFailed() > 0 && run.finished()) {
            for (ImportRowErrorView e : imports.errors(run.id(), new PageRequest(0, ERRORS_SHOWN))) {
                errors.add(new ErrorLine(e.line(), e.columnName(), reason(e.reason(), locale), e.value()));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("failureText", run.failureCode() == null ? null : reason(run.failureCode(), locale));
    }

    private void common(Model model) {
        model.addAttribute("section", "leads");
    }

    /** The first rows as parsed, each with its check translated. */
    private List<PreviewRow> rows(ImportPreview preview) {
        Locale locale = LocaleContextHolder.getLocale();
        List<PreviewRow> rows = new ArrayList<>();
        for (int i = 0; i < preview.rows().size(); i++) {
            RowCheck check = i < preview.checks().size() ? preview.checks().get(i) : null;
            List<String> problems = new ArrayList<>();
            if (check != null) {
                for (RowProblem p : check.problems()) {
                    String where = p.columnName() != null ? p.columnName() + ": " : "";
                    problems.add(where + reason(p.reason(), locale) + (p.value() == null ? "" : " «" + p.value() + "»"));
                }
            }
            rows.add(new PreviewRow(check == null ? i + 2 : check.line(), preview.rows().get(i), problems));
        }
        return rows;
    }

    /** Column selects arrive as {@code col.<index>=<target>}; an empty target ignores the column. */
    static ColumnMapping mappingOf(Map<String, String> params) {
        Map<Integer, String> targets = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(COLUMN_PARAM) && value != null && !value.isBlank()) {
                try {
                    targets.put(Integer.parseInt(name.substring(COLUMN_PARAM.length())), value.strip());
                } catch (NumberFormatException e) {
                    throw ValidationException.of("mapping", "import.mapping.invalid");
                }
            }
        });
        return new ColumnMapping(targets);
    }

    private String reason(String code, Locale locale) {
        return messages.get(errorKey(code), locale);
    }

    private String errorKey(CrmException e) {
        String code = e instanceof ValidationException v && !v.errors().isEmpty() ? v.errors().get(0).code() : e.code();
        return errorKey(code);
    }

    private String errorKey(String code) {
        String key = "cartera.error." + code;
        if (code != null && code.startsWith("import.value.invalid-")) {
            return "cartera.error.import.value.invalid";
        }
        return code != null && messages.has(key) ? key : "cartera.error.invalid";
    }

    /** A previewed row: its line in the file, its cells exactly as parsed, and what is wrong with it, translated. */
    public record PreviewRow(long line, List<String> cells, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A failed row of a finished run, its reason translated. */
    public record ErrorLine(long line, String column, String reason, String value) {
    }

}
