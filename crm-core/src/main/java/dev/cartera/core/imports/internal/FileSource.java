package dev.cartera.core.imports.internal;

import java.io.IOException;
import java.io.InputStream;

/** A staged file that can be opened more than once (sniffing, then reading; resuming; the errors download). */
@FunctionalInterface
public interface FileSource {
    InputStream open() throws IOException;
}
