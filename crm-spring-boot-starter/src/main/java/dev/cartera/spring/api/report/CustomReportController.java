package dev.cartera.spring.api.report;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.custom.CustomReportResult;
import dev.cartera.reporting.custom.CustomReports;
import dev.cartera.reporting.custom.Field;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportSubject;
import dev.cartera.reporting.custom.SavedReport;
import dev.cartera.reporting.custom.TaskTemplate;
import dev.cartera.reporting.export.ExportFormat;
import dev.cartera.spring.reporting.ReportDownloads;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom reports: the field whitelist per record type, saved definitions (private or shared,
 * each run in the caller's scope), ad-hoc runs, exports, panels, and a task per row.
 */
@RestController
@RequestMapping("/reports")
public class CustomReportController {
    private final CarteraReports reports;
    private final ReportSettings settings;

    public CustomReportController(CarteraReports reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    /** What a report of a record type may name: its fields, their types and choices. */
    public record SubjectFields(ReportSubject subject, List<FieldInfo> fields) {
    }

    public record FieldInfo(String key, String type, List<String> choices) {
        static FieldInfo of(Field f) {
            return new FieldInfo(f.key(), f.type().name(), f.choices());
        }
    }

    public record SaveRequest(String name, Boolean shared, ReportDefinition definition, Long version) {
    }

    public record TaskRequest(ActivityType type, String subject, Instant dueAt, Priority priority, UUID assignee,
            Boolean assignToRecordOwner, ReportDefinition definition) {
        TaskTemplate template() {
            if (type == null) {
                throw ValidationException.of("type", "validation.NotNull");
            }
            if (subject == null || subject.isBlank()) {
                throw ValidationException.of("subject", "validation.NotBlank");
            }
            return new TaskTemplate(type, subject.strip(), dueAt, priority == null ? Priority.NORMAL : priority, assignee,
                    Boolean.TRUE.equals(assignToRecordOwner));
        }
    }

    public record TasksCreated(int created, List<UUID> ids) {
    }

    public record PanelRequest(String name, List<UUID> reports, Boolean shared) {
    }

    @GetMapping("/fields")
    public List<SubjectFields> fields() {
        return Arrays.stream(ReportSubject.values())
                .map(s -> new SubjectFields(s, s.fields().stream().map(FieldInfo::of).toList())).toList();
    }

    @GetMapping
    public List<SavedReport> list() {
        return reports.custom().list();
    }

    @PostMapping
    public ResponseEntity<SavedReport> save(@RequestBody SaveRequest request) {
        SavedReport saved = reports.custom().save(request.name(), request.definition(), Boolean.TRUE.equals(request.shared()));
        return ResponseEntity.created(URI.create("reports/" + saved.id())).body(saved);
    }

    @GetMapping("/{id}")
    public SavedReport get(@PathVariable UUID id) {
        return reports.custom().get(id);
    }

    @PutMapping("/{id}")
    public SavedReport update(@PathVariable UUID id, @RequestBody SaveRequest request) {
        long version = request.version() != null ? request.version() : reports.custom().get(id).version();
        return reports.custom().update(id, version, request.name(), request.definition(), Boolean.TRUE.equals(request.shared()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        reports.custom().delete(id);
    }

    /** Runs a definition without saving it. */
    @PostMapping("/run")
    public CustomReportResult run(@RequestBody ReportDefinition definition) {
        return reports.custom().run(definition);
    }

    /** Runs a saved report in the caller's scope; {@code format=csv|xlsx|pdf} answers it as a file. */
    @GetMapping("/{id}/run")
    public ResponseEntity<?> runSaved(@PathVariable UUID id, @RequestParam(required = false) String format) {
        ExportFormat file = ReportDownloads.format(format);
        if (file == null) {
            return ResponseEntity.ok(reports.custom().runSaved(id));
        }
        return export(id, file);
    }

    @GetMapping("/{id}/export")
    public ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam String format) {
        ExportFormat file = ReportDownloads.format(format);
        if (file == null) {
            throw ValidationException.of("format", "validation.NotNull");
        }
        return export(id, file);
    }

    private ResponseEntity<byte[]> export(UUID id, ExportFormat format) {
        SavedReport saved = reports.custom().get(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.custom().export(id, format, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ReportDownloads.fileName(saved.name()) + "." + format.extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out.toByteArray());
    }

    /** One task per row of a saved report, as the caller sees it. */
    @PostMapping("/{id}/tasks")
    public ResponseEntity<TasksCreated> tasks(@PathVariable UUID id, @RequestBody TaskRequest request) {
        SavedReport saved = reports.custom().get(id);
        List<UUID> ids = reports.custom().createTasks(CustomReports.rowsBehind(saved.definition()), request.template());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TasksCreated(ids.size(), ids));
    }

    /** One task per row of a definition given in the request. */
    @PostMapping("/tasks")
    public ResponseEntity<TasksCreated> tasks(@RequestBody TaskRequest request) {
        if (request.definition() == null) {
            throw ValidationException.of("definition", "validation.NotNull");
        }
        List<UUID> ids = reports.custom().createTasks(CustomReports.rowsBehind(request.definition()), request.template());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TasksCreated(ids.size(), ids));
    }

    @GetMapping("/panels")
    public List<CustomReports.Panel> panels() {
        return reports.custom().panels();
    }

    @PostMapping("/panels")
    public ResponseEntity<CustomReports.Panel> createPanel(@RequestBody PanelRequest request) {
        UUID id = reports.custom().createPanel(request.name(), request.reports(), Boolean.TRUE.equals(request.shared()));
        return ResponseEntity.created(URI.create("panels/" + id)).body(reports.custom().panel(id));
    }

    @GetMapping("/panels/{id}")
    public CustomReports.Panel panel(@PathVariable UUID id) {
        return reports.custom().panel(id);
    }
}
