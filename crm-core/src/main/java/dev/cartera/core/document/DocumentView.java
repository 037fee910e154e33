package dev.cartera.core.document;

import dev.cartera.core.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DocumentView(UUID id, long version, String name, String mediaType, long sizeBytes, String sha256,
        String externalUrl, DocumentCategory category, int versionNo, UUID previousVersionId,
        boolean providedByCustomer, UUID ownerId, Instant deletedAt, List<RecordRef> links, Instant createdAt,
        String createdBy) {

    public static DocumentView of(Document d, List<RecordRef> links) {
        return new DocumentView(d.getId(), d.getVersion(), d.getName(), d.getMediaType(), d.getSizeBytes(), d.getSha256(),
                d.getExternalUrl(), d.getCategory(), d.getVersionNo(), d.getPreviousVersionId(), d.isProvidedByCustomer(),
                d.getOwnerId(), d.getDeletedAt(), List.copyOf(links), d.getCreatedAt(), d.getCreatedBy());
    }

    public boolean external() {
        return externalUrl != null;
    }
}
