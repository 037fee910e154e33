package dev.cartera.core.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Documents in memory: the default when a host configures no store, and handy in tests. Lost on restart. */
public final class InMemoryDocumentStore implements DocumentStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public StoredContent put(String tenantId, InputStream content, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        long total = 0;
        while ((read = content.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new ContentTooLargeException(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        byte[] bytes = out.toByteArray();
        String key = sha256(bytes);
        blobs.put(tenantId + "/" + key, bytes);
        return new StoredContent(key, key, bytes.length);
    }

    @Override
    public InputStream open(String tenantId, String key) throws IOException {
        byte[] bytes = blobs.get(tenantId + "/" + DocumentStore.requireKey(key));
        if (bytes == null) {
            throw new NoSuchFileException(key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(String tenantId, String key) {
        return blobs.containsKey(tenantId + "/" + DocumentStore.requireKey(key));
    }

    @Override
    public void delete(String tenantId, String key) {
        blobs.remove(tenantId + "/" + DocumentStore.requireKey(key));
    }

    public int size() {
        return blobs.size();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
