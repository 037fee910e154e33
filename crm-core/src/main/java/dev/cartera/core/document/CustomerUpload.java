package dev.cartera.core.document;

import java.time.Instant;

/** What the public upload page may show about a valid link: whose card it fills and until when. */
public record CustomerUpload(String tenantId, String customerName, Instant expiresAt, int uploadsLeft) {
}
