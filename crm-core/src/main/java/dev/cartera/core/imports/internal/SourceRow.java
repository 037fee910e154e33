package dev.cartera.core.imports.internal;

import java.util.List;

/** One non-blank row as read from a file: where it starts (1-based line or sheet row) and its cells as text. */
public record SourceRow(long line, List<String> cells) {
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
