package dev.cartera.core.imports.internal;

import dev.cartera.core.imports.ImportFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Files in one directory, named by key; keys are run ids, checked so none escapes the directory. */
public final class DirectoryImportFileStore implements ImportFileStore {
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9-]{1,80}");
    private final Path directory;

    public DirectoryImportFileStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public OutputStream create(String key) throws IOException {
        Files.createDirectories(directory);
        return Files.newOutputStream(path(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad file key");
        }
        return directory.resolve(key + ".upload");
    }
}
