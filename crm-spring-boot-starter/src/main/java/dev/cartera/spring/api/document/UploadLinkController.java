package dev.cartera.spring.api.document;

import dev.cartera.core.document.CustomerUploadService;
import dev.cartera.core.document.UploadLinkView;
import dev.cartera.spring.CarteraProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Expiring links through which a customer uploads documents to their own card. */
@RestController
public class UploadLinkController {
    private final CustomerUploadService uploads;
    private final CarteraProperties properties;

    public UploadLinkController(CustomerUploadService uploads, CarteraProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    /** The answer carries the token once, and the public URL to send to the customer. */
    @PostMapping("/accounts/{accountId}/upload-links")
    public ResponseEntity<CreatedLink> create(@PathVariable UUID accountId, @Valid @RequestBody(required = false) NewLink request) {
        int days = request == null || request.validityDays() == null ? 7 : request.validityDays();
        UploadLinkView link = uploads.createLink(accountId, Duration.ofDays(days));
        String url = ServletUriComponentsBuilder.fromCurrentRequestUri().replacePath(null).build().toUriString()
                + PublicController.publicUploadPath(properties, link.token());
        return ResponseEntity.status(201).body(new CreatedLink(link, url));
    }

    @GetMapping("/accounts/{accountId}/upload-links")
    public List<UploadLinkView> list(@PathVariable UUID accountId) {
        return uploads.linksOf(accountId);
    }

    @PostMapping("/upload-links/{id}/revoke")
    public UploadLinkView revoke(@PathVariable UUID id) {
        return uploads.revoke(id);
    }

    public record NewLink(@Min(1) @Max(30) Integer validityDays) {
    }

    public record CreatedLink(UploadLinkView link, String url) {
    }
}
