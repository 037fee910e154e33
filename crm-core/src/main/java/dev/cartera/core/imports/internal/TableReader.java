package dev.cartera.core.imports.internal;

/** Rows of a file in order, blank rows left out; {@code null} at the end. Streamed: one row in memory at a time. */
public interface TableReader extends AutoCloseable {
    SourceRow next();

    @Override
    void close();
}
