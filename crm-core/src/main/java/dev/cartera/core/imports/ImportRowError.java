package dev.cartera.core.imports;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** Why one row (or one cell of it) was not imported; column -1 is the row as a whole. */
@Entity
@Table(name = "crm_import_row_error")
public class ImportRowError extends TenantEntity {
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "line_number")
    private long lineNumber;

    @Column(name = "column_index")
    private int columnIndex;

    @Column(name = "column_name", length = 200)
    private String columnName;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "cell_value", length = 500)
    private String cellValue;

    public UUID getRunId() {
        return runId;
    }

    public void setRunId(UUID runId) {
        this.runId = runId;
    }

    public long getLineNumber() {
        return lineNumber;
    }

    public void setLineNumber(long lineNumber) {
        this.lineNumber = lineNumber;
    }

    public int getColumnIndex() {
        return columnIndex;
    }

    public void setColumnIndex(int columnIndex) {
        this.columnIndex = columnIndex;
    }

    public String getColumnName() {
        return columnName;
    }

    public void setColumnName(String columnName) {
        this.columnName = columnName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getCellValue() {
        return cellValue;
    }

    public void setCellValue(String cellValue) {
        this.cellValue = cellValue;
    }
}
