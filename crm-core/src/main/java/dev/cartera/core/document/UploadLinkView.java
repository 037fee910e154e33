package dev.cartera.core.document;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload link as the rep sees it. {@code token} is only present right after creation: it is not
 * stored, so it can be shown (and sent) once.
 */
public record UploadLinkView(UUID id, UUID accountId, String token, Instant expiresAt, Instant revokedAt, int uploadCount, int maxUploads) {
    static UploadLinkView of(UploadLink l, String token) {
        return new UploadLinkView(l.getId(), l.getAccountId(), token, l.getExpiresAt(), l.getRevokedAt(), l.getUploadCount(), l.getMaxUploads());
    }
}
