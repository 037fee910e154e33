package dev.cartera.core.imports;

import dev.cartera.core.imports.internal.DirectoryImportFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where uploaded files wait between preview, import, resume and the errors download. A cluster
 * shares one (a network directory, or an object store the host adapts); the default is a directory.
 */
public interface ImportFileStore {
    OutputStream create(String key) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;

    static ImportFileStore directory(Path directory) {
        return new DirectoryImportFileStore(directory);
    }
}
