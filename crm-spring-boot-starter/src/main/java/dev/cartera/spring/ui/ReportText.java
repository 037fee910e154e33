package dev.cartera.spring.ui;

import dev.cartera.reporting.ReportTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** Figures of reports as the user reads them: money, numbers, percentages, months and dates in their locale, labels from the bundles. */
final class ReportText {
    static final String CURRENCY = "EUR";

    private final CarteraMessages messages;
    private final CarteraUiFormat format;

    ReportText(CarteraMessages messages, CarteraUiFormat format) {
        this.messages = messages;
        this.format = format;
    }

    Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    String msg(String key, Object... args) {
        return messages.get(key, locale(), args);
    }

    /** A translated label if the bundles have one, else the value (names users typed). */
    String label(String prefix, Object code) {
        return format.label(prefix, code);
    }

    String money(BigDecimal amount) {
        return format.money(amount == null ? BigDecimal.ZERO : amount, CURRENCY);
    }

    String number(Number n) {
        return format.number(n == null ? 0 : n);
    }

    /** A ratio (0.2534) as a percentage ("25,3 %"); a dash where there is nothing to divide. */
    String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale());
        f.setMaximumFractionDigits(1);
        return f.format(ratio);
    }

    /** How much a figure changed against last year, signed ("+12,5 %"), or a dash when last year was zero. */
    String change(BigDecimal now, BigDecimal before) {
        if (before == null || before.signum() == 0) {
            return "–";
        }
        BigDecimal ratio = now.subtract(before).divide(before, 4, RoundingMode.HALF_UP);
        return (ratio.signum() > 0 ? "+" : "") + percent(ratio);
    }

    String month(YearMonth month) {
        String name = month.getMonth().getDisplayName(TextStyle.SHORT, locale());
        return name + " " + month.getYear();
    }

    String date(LocalDate date) {
        return format.date(date);
    }

    /**
     * The cells of a report table as text, each by its column type; {@code amounts} false when the
     * report counts things, so its values are never written as money.
     */
    List<List<String>> rows(ReportTable table, boolean amounts) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                cells.add(cell(table.columns().get(i), row.cell(i), amounts));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Column headings from the bundles ({@code cartera.reports.column.<key>}), the engine's label otherwise. */
    List<String> headers(ReportTable table) {
        return table.columns().stream().map(c -> column(c.key(), c.label())).toList();
    }

    String column(String key, String fallback) {
        String k = "cartera.reports.column." + key;
        if (messages.has(k)) {
            return msg(k);
        }
        int underscore = key.indexOf('_');
        if (underscore > 0) {
            String agg = "cartera.reports.aggregate." + key.substring(0, underscore).toUpperCase(Locale.ROOT);
            String field = "cartera.reports.field." + key.substring(underscore + 1);
            if (messages.has(agg) && messages.has(field)) {
                return msg(agg) + " · " + msg(field);
            }
        }
        String field = "cartera.reports.field." + key;
        return messages.has(field) ? msg(field) : fallback;
    }

    String cell(ReportTable.Column column, Object value, boolean amounts) {
        if (value == null) {
            return "";
        }
        boolean money = amounts && column.key().matches("(?i).*(amount|revenue|net|cost|weighted|target|actual|value|cumulative|previous|current|sameMonthLastYear|netTotal).*")
                && column.type() == ReportTable.Type.DECIMAL;
        return switch (column.type()) {
            case PERCENT -> value instanceof BigDecimal b ? percent(b) : value.toString();
            case DECIMAL -> value instanceof BigDecimal b ? (money ? money(b) : number(b)) : value.toString();
            case INTEGER -> value instanceof Number n ? number(n) : value.toString();
            case DATE -> value instanceof LocalDate d ? date(d) : value.toString();
            case DATETIME -> value instanceof Instant t ? format.date(t) : value.toString();
            case TEXT -> value instanceof Boolean b ? msg(b ? "cartera.reports.yes" : "cartera.reports.no") : text(value);
        };
    }

    private String text(Object value) {
        String s = value.toString();
        if (s.matches("\\d{4}-\\d{2}")) {
            return month(YearMonth.parse(s));
        }
        return s;
    }

    static DateTimeFormatter shortDate(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
    }
}
