package dev.cartera.docsstorage;

import dev.cartera.core.spi.DocumentStore.ContentTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content copied to a temporary file while its SHA-256 and size are computed, so neither store holds
 * an upload in memory and a too-large upload is cut off without leaving anything behind.
 */
final class StagedContent implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    final Path file;
    final String sha256;
    final long size;

    private StagedContent(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    static StagedContent stage(InputStream content, long maxBytes, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw new ContentTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new StagedContent(temp, HexFormat.of().formatHex(digest.digest()), total);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
