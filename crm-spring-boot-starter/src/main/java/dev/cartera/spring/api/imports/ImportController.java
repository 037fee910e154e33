package dev.cartera.spring.api.imports;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.imports.ColumnMapping;
import dev.cartera.core.imports.DuplicatePolicy;
import dev.cartera.core.imports.ImportPreview;
import dev.cartera.core.imports.ImportRowErrorView;
import dev.cartera.core.imports.ImportRunView;
import dev.cartera.core.imports.ImportService;
import dev.cartera.core.imports.ImportTemplateView;
import dev.cartera.core.imports.PreviewOptions;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lead imports as resources (KD-2, B-8): upload a file (multipart field {@code file}) to get its
 * preview, start it with a corrected mapping, follow its progress, cancel or resume it, and download
 * the rows that failed as a CSV to fix and re-import.
 */
@RestController
@RequestMapping("/imports")
public class ImportController {
    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    /** The preview: header and first rows exactly as parsed, the proposed mapping and each row's check. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportPreview> preview(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String template, @RequestParam(required = false) String encoding) {
        try {
            ImportPreview preview = imports.preview(file.getInputStream(), file.getOriginalFilename(), new PreviewOptions(template, encoding));
            URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(preview.previewId()).toUri();
            return ResponseEntity.created(location).body(preview);
        } catch (IOException e) {
            throw new UncheckedIOException("upload unreadable", e);
        }
    }

    /** Starts the import in the background: 202 with the run to poll. Without a mapping, the proposed one. */
    @PostMapping("/{id}/start")
    public ResponseEntity<ImportRunView> start(@PathVariable UUID id, @RequestBody(required = false) Start request) {
        ColumnMapping mapping = request == null || request.mapping() == null ? null : new ColumnMapping(request.mapping());
        ImportRunView run = imports.start(id, mapping, request == null ? null : request.duplicatePolicy());
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri().resolve("."))
                .body(run);
    }

    @GetMapping("/{id}")
    public ImportRunView status(@PathVariable UUID id) {
        return imports.status(id);
    }

    @GetMapping
    public List<ImportRunView> runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return imports.runs(new PageRequest(page, size));
    }

    @PostMapping("/{id}/cancel")
    public ImportRunView cancel(@PathVariable UUID id) {
        return imports.cancel(id);
    }

    @PostMapping("/{id}/resume")
    public ImportRunView resume(@PathVariable UUID id) {
        return imports.resume(id);
    }

    @GetMapping("/{id}/errors")
    public List<ImportRowErrorView> errors(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return imports.errors(id, new PageRequest(page, size));
    }

    /** The failed rows with line, column and reason, safe to open in a spreadsheet (no formulas run). */
    @GetMapping(path = "/{id}/errors.csv")
    public ResponseEntity<StreamingResponseBody> errorsCsv(@PathVariable UUID id) {
        imports.status(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("errores-" + id + ".csv").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out -> imports.writeErrorsCsv(id, out));
    }

    @GetMapping("/templates")
    public List<ImportTemplateView> templates() {
        return imports.templates();
    }

    @PostMapping("/templates")
    public ResponseEntity<ImportTemplateView> saveTemplate(@RequestBody SaveTemplate request) {
        return ResponseEntity.status(201).body(imports.saveTemplate(request.name(), request.previewId(),
                request.mapping() == null ? null : new ColumnMapping(request.mapping())));
    }

    /** Body of {@code POST /imports/{id}/start}: column index → target ({@code email}, {@code custom.sector}…). */
    public record Start(Map<Integer, String> mapping, DuplicatePolicy duplicatePolicy) {
    }

    public record SaveTemplate(@NotBlank String name, UUID previewId, Map<Integer, String> mapping) {
    }
}
