package dev.cartera.core.imports;

/** One reported problem of a run: line, column (0-based, -1 for the row), header, message code, offending value. */
public record ImportRowErrorView(long line, int column, String columnName, String reason, String value) {
    public static ImportRowErrorView of(ImportRowError e) {
        return new ImportRowErrorView(e.getLineNumber(), e.getColumnIndex(), e.getColumnName(), e.getReason(), e.getCellValue());
    }
}
