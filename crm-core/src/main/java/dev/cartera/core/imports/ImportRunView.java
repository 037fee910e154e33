package dev.cartera.core.imports;

import java.time.Instant;
import java.util.UUID;

/** An import run's state and progress, for a progress bar or a status resource. */
public record ImportRunView(UUID id, long version, ImportStatus status, String filename, FileFormat format, String encoding,
        String delimiter, DuplicatePolicy duplicatePolicy, UUID ownerId, long rowsRead, long rowsCreated, long rowsUpdated,
        long rowsSkipped, long rowsFailed, long lastLine, Instant createdAt, Instant startedAt, Instant finishedAt,
        String failureCode) {

    public static ImportRunView of(ImportRun r) {
        return new ImportRunView(r.getId(), r.getVersion(), r.getStatus(), r.getFilename(), r.getFormat(), r.getEncoding(),
                r.getDelimiter(), r.getDuplicatePolicy(), r.getOwnerId(), r.getRowsRead(), r.getRowsCreated(),
                r.getRowsUpdated(), r.getRowsSkipped(), r.getRowsFailed(), r.getLastLine(), r.getCreatedAt(),
                r.getStartedAt(), r.getFinishedAt(), r.getFailureCode());
    }

    public boolean finished() {
        return status == ImportStatus.COMPLETED || status == ImportStatus.FAILED || status == ImportStatus.CANCELLED
                || status == ImportStatus.ROLLED_BACK;
    }
}
