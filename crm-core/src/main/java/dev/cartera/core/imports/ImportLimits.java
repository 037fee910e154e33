package dev.cartera.core.imports;

/**
 * Guard rails for uploaded files. Files are streamed, so size is about disk and time, not heap.
 *
 * @param maxBytes      the largest file accepted
 * @param maxColumns    the widest row accepted
 * @param maxFieldChars the longest single cell accepted
 * @param previewRows   how many data rows a preview shows
 * @param chunkSize     rows per transaction while importing (5,000 by default: on PostgreSQL a chunk costs a
 *                      handful of statements whatever its size, so fewer, larger chunks import faster; progress,
 *                      cancel and resume go by chunk)
 */
public record ImportLimits(long maxBytes, int maxColumns, int maxFieldChars, int previewRows, int chunkSize) {
    public ImportLimits {
        if (maxBytes < 1 || maxColumns < 1 || maxFieldChars < 1 || previewRows < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }

    public static ImportLimits defaults() {
        return new ImportLimits(200L * 1024 * 1024, 200, 32_768, 20, 5_000);
    }

    public ImportLimits withChunkSize(int rows) {
        return new ImportLimits(maxBytes, maxColumns, maxFieldChars, previewRows, rows);
    }

    public ImportLimits withMaxBytes(long bytes) {
        return new ImportLimits(bytes, maxColumns, maxFieldChars, previewRows, chunkSize);
    }
}
