package dev.cartera.core.imports;

import java.util.List;
import java.util.UUID;

/**
 * What an upload looks like before anything is imported: how the file was read (format, encoding,
 * delimiter), its header and first rows exactly as parsed, the proposed mapping and, for those rows,
 * what would be imported and what is wrong. {@code previewId} starts the import.
 */
public record ImportPreview(UUID previewId, String filename, FileFormat format, String encoding, String delimiter,
        List<String> header, List<List<String>> rows, List<ColumnProposal> columns, ColumnMapping mapping,
        List<RowCheck> checks) {
    public ImportPreview {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
    }
}
