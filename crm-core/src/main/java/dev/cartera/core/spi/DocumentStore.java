package dev.cartera.core.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document content lives (metadata stays in the database). Content is addressed by its
 * SHA-256 within a tenant: the same bytes uploaded twice are stored once, and a tenant can only
 * reach its own content. Implementations: filesystem and S3-compatible in {@code crm-docs-storage}.
 */
public interface DocumentStore {

    /**
     * Streams the content into the store, never holding it whole in memory. Fails with
     * {@link ContentTooLargeException} past {@code maxBytes}, leaving nothing behind.
     */
    StoredContent put(String tenantId, InputStream content, long maxBytes) throws IOException;

    /** Opens stored content; {@link java.nio.file.NoSuchFileException} when the tenant has no such key. */
    InputStream open(String tenantId, String key) throws IOException;

    boolean exists(String tenantId, String key) throws IOException;

    void delete(String tenantId, String key) throws IOException;

    /** What was stored: its key (the SHA-256 in hex), checksum and size in bytes. */
    record StoredContent(String key, String sha256, long size) {
    }

    /** Content larger than the caller's limit. */
    final class ContentTooLargeException extends IOException {
        private final long maxBytes;

        public ContentTooLargeException(long maxBytes) {
            super("content exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** Keys are lower-case SHA-256 hex: anything else (paths, traversal) is refused before touching storage. */
    static String requireKey(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a content key");
        }
        return key;
    }
}
