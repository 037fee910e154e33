package dev.cartera.core.spi;

import java.util.Optional;

/**
 * Where document contents live; their metadata and links are Cartera rows. Keys are opaque and
 * chosen by the store. The default keeps contents in memory; the crm-docs-storage module brings
 * the filesystem and S3-compatible stores.
 */
public interface DocumentStore {
    /** Stores the bytes and returns the key to fetch them with. */
    String put(byte[] content, String mediaType);

    Optional<byte[]> get(String key);
}
