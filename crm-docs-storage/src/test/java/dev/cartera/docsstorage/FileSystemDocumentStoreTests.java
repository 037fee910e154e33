package dev.cartera.docsstorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.spi.DocumentStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDocumentStoreTests extends DocumentStoreContract {
    @TempDir
    Path root;
    private FileSystemDocumentStore store;

    @BeforeEach
    void open() {
        store = new FileSystemDocumentStore(root);
    }

    @Override
    protected DocumentStore store() {
        return store;
    }

    @Test
    void aRefusedUploadLeavesNoTemporaryFile() throws Exception {
        try {
            store.put("acme", new ByteArrayInputStream(new byte[100]), 10);
        } catch (DocumentStore.ContentTooLargeException expected) {
            // the point is what is left on disk
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
