package dev.cartera.core.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and dates as Spanish spreadsheets write them: {@code 1.234,56}, {@code 1234,5},
 * {@code 1,234.56}; {@code 31/12/2025}, {@code 1/2/25}, {@code 31-12-2025}, ISO {@code 2025-12-31}
 * and Excel serial day numbers ({@code 45657}).
 */
public final class SpanishValues {
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T].*)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(?:[.,]\\d+)?");
    private static final Pattern GROUPED_DOTS = Pattern.compile("-?\\d{1,3}(?:\\.\\d{3})+(?:,\\d*)?");
    private static final Pattern GROUPED_COMMAS = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d*)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private SpanishValues() {
    }

    /** A decimal number; currency signs, percent signs and spaces around it are ignored. */
    public static Optional<BigDecimal> decimal(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replace('\u00A0', ' ').replace('\u202F', ' ').replace("€", "").replace("EUR", "")
                .replace("%", "").replace(" ", "").strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = "-" + s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String plain;
        if (GROUPED_DOTS.matcher(s).matches()) {
            plain = s.replace(".", "").replace(',', '.');
        } else if (GROUPED_COMMAS.matcher(s).matches() && s.contains(".")) {
            plain = s.replace(",", "");
        } else if (s.indexOf(',') >= 0 && s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            plain = s.replace(',', '.');
        } else if (s.indexOf(',') < 0) {
            plain = s;
        } else {
            return Optional.empty();
        }
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A whole number ({@code 1.200} is twelve hundred, as in Spain). */
    public static Optional<Integer> integer(String raw) {
        return decimal(raw).flatMap(d -> {
            try {
                return Optional.of(d.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    /** A calendar date, day first; two-digit years are 2000–2069 or 1970–1999. */
    public static Optional<LocalDate> date(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            Matcher m = DMY.matcher(s);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += year < 70 ? 2000 : 1900;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(s).matches()) {
                return excelSerial(new BigDecimal(s.replace(',', '.')).longValue());
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Excel's day number (1900 system; day 60 is the 29 February 1900 Excel believes in). */
    public static Optional<LocalDate> excelSerial(long serial) {
        if (serial < 1 || serial > 2_958_465) {
            return Optional.empty();
        }
        return Optional.of(serial < 60 ? EXCEL_EPOCH.plusDays(serial + 1) : EXCEL_EPOCH.plusDays(serial));
    }

    /** A date written back the way Spanish Excel shows it. */
    public static String format(LocalDate date) {
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** A number written back with a decimal comma and no grouping. */
    public static String format(BigDecimal number) {
        return number.toPlainString().replace('.', ',');
    }
}
