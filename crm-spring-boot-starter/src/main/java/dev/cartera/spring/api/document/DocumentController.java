package dev.cartera.spring.api.document;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.DocumentContent;
import dev.cartera.core.document.DocumentQuery;
import dev.cartera.core.document.DocumentService;
import dev.cartera.core.document.DocumentView;
import dev.cartera.core.records.RecordRef;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Documents (KD-7): upload (multipart field {@code file}), link an external URL, versions, soft
 * delete and restore, and downloads that browsers can never render inline.
 */
@RestController
@RequestMapping("/documents")
public class DocumentController {
    private final DocumentService documents;

    public DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DocumentView> upload(@RequestPart("file") MultipartFile file, @RequestParam RecordType recordType,
            @RequestParam UUID recordId, @RequestParam(required = false) DocumentCategory category) {
        DocumentView doc = documents.upload(file.getOriginalFilename(), category, List.of(new RecordRef(recordType, recordId)), open(file));
        return Versions.created(doc, doc.id(), doc.version());
    }

    @PostMapping(path = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DocumentView> link(@Valid @RequestBody ExternalLink link) {
        DocumentView doc = documents.link(link.name(), link.url(), link.category(), List.of(new RecordRef(link.recordType(), link.recordId())));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri().resolve("./" + doc.id());
        return ResponseEntity.created(location).eTag(Long.toString(doc.version())).body(doc);
    }

    @GetMapping
    public ApiPage<DocumentView> search(@RequestParam(required = false) String text,
            @RequestParam(required = false) DocumentCategory category, @RequestParam(required = false) UUID accountId,
            @RequestParam(required = false) Boolean providedByCustomer, @RequestParam(defaultValue = "false") boolean deleted,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(documents.search(new DocumentQuery(text, category, accountId, providedByCustomer, deleted), new PageRequest(page, size)));
    }

    @GetMapping(params = {"recordType", "recordId"})
    public List<DocumentView> ofRecord(@RequestParam RecordType recordType, @RequestParam UUID recordId) {
        return documents.ofRecord(recordType, recordId);
    }

    @GetMapping("/{id}")
    public ResponseEntity<DocumentView> get(@PathVariable UUID id) {
        DocumentView doc = documents.get(id);
        return Versions.ok(doc, doc.version());
    }

    /** Always an attachment, with the sniffed type and {@code nosniff}: an uploaded page can never run in our origin. */
    @GetMapping("/{id}/content")
    public ResponseEntity<InputStreamResource> download(@PathVariable UUID id) {
        DocumentContent content = documents.download(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.size())
                .body(new InputStreamResource(content.stream()));
    }

    @GetMapping("/{id}/versions")
    public List<DocumentView> versions(@PathVariable UUID id) {
        return documents.versions(id);
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DocumentView> newVersion(@PathVariable UUID id, @RequestPart("file") MultipartFile file) {
        DocumentView doc = documents.newVersion(id, file.getOriginalFilename(), open(file));
        return ResponseEntity.status(201).eTag(Long.toString(doc.version())).body(doc);
    }

    @DeleteMapping("/{id}")
    public DocumentView delete(@PathVariable UUID id) {
        return documents.delete(id);
    }

    @PostMapping("/{id}/restore")
    public DocumentView restore(@PathVariable UUID id) {
        return documents.restore(id);
    }

    private static InputStream open(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("upload unreadable", e);
        }
    }

    public record ExternalLink(String name, @NotBlank String url, DocumentCategory category, @NotNull RecordType recordType,
            @NotNull UUID recordId) {
    }
}
