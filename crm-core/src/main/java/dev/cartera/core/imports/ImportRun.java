package dev.cartera.core.imports;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One file imported (or previewed) by one user: how to read it, how to map it, and how far it got. */
@Entity
@Table(name = "crm_import_run")
public class ImportRun extends TenantEntity {
    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "filename", length = 255)
    private String filename;

    @Column(name = "file_key", length = 80)
    private String fileKey;

    @Column(name = "file_sha256", length = 64)
    private String fileSha256;

    @Column(name = "file_size")
    private long fileSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", length = 10)
    private FileFormat format;

    @Column(name = "encoding", length = 40)
    private String encoding;

    @Column(name = "delimiter_char", length = 4)
    private String delimiter;

    @Column(name = "bom_bytes")
    private int bomBytes;

    @Column(name = "sep_line")
    private boolean sepLine;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20)
    private ImportStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "duplicate_policy", length = 20)
    private DuplicatePolicy duplicatePolicy;

    @Column(name = "mapping_spec", length = 8000)
    private String mappingSpec;

    @Column(name = "rows_read")
    private long rowsRead;

    @Column(name = "rows_created")
    private long rowsCreated;

    @Column(name = "rows_updated")
    private long rowsUpdated;

    @Column(name = "rows_skipped")
    private long rowsSkipped;

    @Column(name = "rows_failed")
    private long rowsFailed;

    @Column(name = "last_line")
    private long lastLine;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure_code", length = 200)
    private String failureCode;

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getFileKey() {
        return fileKey;
    }

    public void setFileKey(String fileKey) {
        this.fileKey = fileKey;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public void setFileSha256(String fileSha256) {
        this.fileSha256 = fileSha256;
    }

    public long getFileSize() {
        return fileSize;
    }

    public void setFileSize(long fileSize) {
        this.fileSize = fileSize;
    }

    public FileFormat getFormat() {
        return format;
    }

    public void setFormat(FileFormat format) {
        this.format = format;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public int getBomBytes() {
        return bomBytes;
    }

    public void setBomBytes(int bomBytes) {
        this.bomBytes = bomBytes;
    }

    public boolean isSepLine() {
        return sepLine;
    }

    public void setSepLine(boolean sepLine) {
        this.sepLine = sepLine;
    }

    public ImportStatus getStatus() {
        return status;
    }

    public void setStatus(ImportStatus status) {
        this.status = status;
    }

    public DuplicatePolicy getDuplicatePolicy() {
        return duplicatePolicy;
    }

    public void setDuplicatePolicy(DuplicatePolicy duplicatePolicy) {
        this.duplicatePolicy = duplicatePolicy;
    }

    public String getMappingSpec() {
        return mappingSpec;
    }

    public void setMappingSpec(String mappingSpec) {
        this.mappingSpec = mappingSpec;
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public void setRowsRead(long rowsRead) {
        this.rowsRead = rowsRead;
    }

    public long getRowsCreated() {
        return rowsCreated;
    }

    public void setRowsCreated(long rowsCreated) {
        this.rowsCreated = rowsCreated;
    }

    public long getRowsUpdated() {
        return rowsUpdated;
    }

    public void setRowsUpdated(long rowsUpdated) {
        this.rowsUpdated = rowsUpdated;
    }

    public long getRowsSkipped() {
        return rowsSkipped;
    }

    public void setRowsSkipped(long rowsSkipped) {
        this.rowsSkipped = rowsSkipped;
    }

    public long getRowsFailed() {
        return rowsFailed;
    }

    public void setRowsFailed(long rowsFailed) {
        this.rowsFailed = rowsFailed;
    }

    public long getLastLine() {
        return lastLine;
    }

    public void setLastLine(long lastLine) {
        this.lastLine = lastLine;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public void setFailureCode(String failureCode) {
        this.failureCode = failureCode;
    }
}
