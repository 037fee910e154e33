package dev.cartera.core.imports;

/**
 * What the preview proposes for one column: the target (null when nothing fits) and how it was
 * found — {@code template}, {@code name} (a known header) or {@code keyword} (a word in the header).
 */
public record ColumnProposal(int column, String header, String target, String matchedBy) {
}
