package dev.cartera.spring.api.document;

import dev.cartera.core.calendar.CalendarFeedService;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.CustomerUpload;
import dev.cartera.core.document.CustomerUploadService;
import dev.cartera.core.document.DocumentView;
import dev.cartera.spring.CarteraProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What works without a login, by secret token only: a customer's uploads and a user's calendar feed.
 * A host's security must let {@code <api base>/public/**} through (the demo app shows how). Unknown,
 * expired and revoked tokens all look the same: 404.
 */
@RestController
@RequestMapping("/public")
public class PublicController {
    private final CustomerUploadService uploads;
    private final CalendarFeedService calendars;

    public PublicController(CustomerUploadService uploads, CalendarFeedService calendars) {
        this.uploads = uploads;
        this.calendars = calendars;
    }

    /** Where the customer's upload page lives in the web UI (under {@code cartera.web.base-path}). */
    static String publicUploadPath(CarteraProperties properties, String token) {
        String base = properties.web().basePath();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/public/upload/" + token;
    }

    @GetMapping("/uploads/{token}")
    public CustomerUpload uploadLink(@PathVariable String token) {
        return uploads.open(token).orElseThrow(() -> new NotFoundException(RecordType.DOCUMENT, null));
    }

    @PostMapping(path = "/uploads/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Uploaded> upload(@PathVariable String token, @RequestPart("file") MultipartFile file) {
        try {
            DocumentView doc = uploads.upload(token, file.getOriginalFilename(), file.getInputStream());
            return ResponseEntity.status(201).body(new Uploaded(doc.name(), doc.sizeBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("upload unreadable", e);
        }
    }

    /** The iCalendar feed; a trailing {@code .ics} is accepted because calendar apps like to see one. */
    @GetMapping("/calendar/{file}")
    public ResponseEntity<String> calendar(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        String ics = calendars.ics(token).orElseThrow(() -> new NotFoundException(RecordType.USER, null));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(ics);
    }

    /** Only the name and size go back to the customer: nothing about the firm's records. */
    public record Uploaded(String name, long size) {
    }
}
