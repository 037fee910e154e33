package dev.cartera.core.document;

import java.time.Instant;
import java.util.UUID;

/** A stored document as a record's attachment list shows it. */
public record AttachedDocument(UUID id, String name, String mediaType, long sizeBytes, String sha256, DocumentCategory category,
        Instant createdAt, String createdBy) {

    static AttachedDocument of(Document d) {
        return new AttachedDocument(d.getId(), d.getName(), d.getMediaType(), d.getSizeBytes(), d.getSha256(), d.getCategory(),
                d.getCreatedAt(), d.getCreatedBy());
    }
}
