package dev.cartera.core.imports.internal;

/**
 * Cells written into a CSV a user opens in a spreadsheet: anything starting like a formula
 * ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe, so a hostile cell such as
 * {@code =cmd|' /C calc'!A0} is shown as text and never evaluated (CSV injection).
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20') {
            return "'" + cell;
        }
        return cell;
    }
}
