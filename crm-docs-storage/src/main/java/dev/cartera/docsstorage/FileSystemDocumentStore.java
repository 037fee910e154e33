package dev.cartera.docsstorage;

import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.tenant.TenantIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The default store: files under a root directory, {@code <tenant>/<ab>/<cd>/<sha256>}. Writes go to
 * a temporary file in the same file system and are moved into place atomically, so a reader never
 * sees half a document and a crash leaves at most a stray temporary file.
 */
public final class FileSystemDocumentStore implements DocumentStore {
    private final Path root;

    public FileSystemDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredContent put(String tenantId, InputStream content, long maxBytes) throws IOException {
        Path tenantDir = tenantDir(tenantId);
        try (StagedContent staged = StagedContent.stage(content, maxBytes, tenantDir.resolve(".incoming"))) {
            Path target = path(tenantId, staged.sha256);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                move(staged.file, target);
            }
            return new StoredContent(staged.sha256, staged.sha256, staged.size);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentStoredMeanwhile) {
            // Content-addressed: whoever won the race stored the very same bytes.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the document directory must allow atomic moves within it", e);
        }
    }

    @Override
    public InputStream open(String tenantId, String key) throws IOException {
        return Files.newInputStream(path(tenantId, key));
    }

    @Override
    public boolean exists(String tenantId, String key) {
        return Files.isRegularFile(path(tenantId, key));
    }

    @Override
    public void delete(String tenantId, String key) throws IOException {
        Files.deleteIfExists(path(tenantId, key));
    }

    private Path tenantDir(String tenantId) {
        return root.resolve(TenantIds.requireValid(tenantId));
    }

    private Path path(String tenantId, String key) {
        DocumentStore.requireKey(key);
        return tenantDir(tenantId).resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
