package dev.cartera.core.imports;

/** Why a row cannot be imported: the column (0-based, -1 for the row as a whole), its header, a message code, the value. */
public record RowProblem(int column, String columnName, String reason, String value) {
}
