package dev.cartera.spring.ui;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates, numbers and money in the user's locale and the firm's time zone, for templates as
 * {@code ${@carteraFormat.money(o.amount, o.currency)}}: {@code 1.234,50 €} in Spanish and Catalan,
 * {@code €1,234.50} in English.
 */
public class CarteraUiFormat {
    private final Clock clock;
    private final ZoneId zone;
    private final CarteraMessages messages;

    public CarteraUiFormat(Clock clock, ZoneId zone, CarteraMessages messages) {
        this.clock = clock;
        this.zone = zone;
        this.messages = messages;
    }

    /** The translated label of a code ({@code cartera.source.web}), or the code itself for values users made up. */
    public String label(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        String key = prefix + code;
        return messages.has(key) ? messages.get(key, locale()) : code.toString();
    }

    /** The Bootstrap icon of a timeline entry or activity type. */
    public String icon(String kind) {
        if (kind == null) {
            return "bi-dot";
        }
        return switch (kind.replace("activity.", "")) {
            case "CALL" -> "bi-telephone";
            case "MEETING" -> "bi-people";
            case "EMAIL" -> "bi-envelope";
            case "VISIT" -> "bi-geo-alt";
            case "NOTE" -> "bi-sticky";
            case "TODO" -> "bi-check2-square";
            case "lead.created" -> "bi-stars";
            case "account.created" -> "bi-building";
            case "opportunity.created" -> "bi-briefcase";
            case "opportunity.stage" -> "bi-arrow-right-circle";
            default -> "bi-dot";
        };
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).format(instant.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        return format.format(amount);
    }

    public String number(Number number) {
        return number == null ? "" : NumberFormat.getNumberInstance(locale()).format(number);
    }

    /** A file size as people read it: {@code 812 B}, {@code 14 KB}, {@code 1,2 MB} (decimal comma in Spanish). */
    public String bytes(long bytes) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return format.format(bytes) + "\u00a0B";
        }
        if (bytes < 1024 * 1024) {
            return format.format(Math.round(bytes / 1024.0)) + "\u00a0KB";
        }
        return format.format(bytes / (1024.0 * 1024.0)) + "\u00a0MB";
    }

    public long daysSince(Instant instant) {
        return instant == null ? 0 : Math.max(0, Duration.between(instant, now()).toDays());
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(now());
    }

    /** The message key of a greeting that fits the firm's time of day. */
    public String greetingKey() {
        int hour = now().atZone(zone).getHour();
        if (hour >= 6 && hour < 14) {
            return "cartera.dashboard.greeting.morning";
        }
        return hour >= 14 && hour < 21 ? "cartera.dashboard.greeting.afternoon" : "cartera.dashboard.greeting.evening";
    }

    /** Midnight at the end of the firm's current day, for "due today". */
    public Instant endOfToday() {
        return LocalDate.ofInstant(now(), zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The end of a date the user picked (tasks are due by the end of their day). */
    public Instant endOf(LocalDate date) {
        return date.atTime(23, 59).atZone(zone).toInstant();
    }

    /**
     * Reads an amount as people type it: {@code 1500}, {@code 1500,50}, {@code 1.500,50} or
     * {@code 1,500.50}. Where only one separator appears, three digits after it make it a thousands
     * separator when the locale groups with that character; otherwise it is the decimal mark.
     */
    public static Optional<BigDecimal> parseAmount(String raw, Locale locale) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.replaceAll("[\\s\\u00a0\\u202f€$£]", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        String normal;
        if (comma >= 0 && dot >= 0) {
            char mark = comma > dot ? ',' : '.';
            char group = mark == ',' ? '.' : ',';
            normal = text.replace(String.valueOf(group), "").replace(mark, '.');
        } else if (comma >= 0 || dot >= 0) {
            char sep = comma >= 0 ? ',' : '.';
            int last = Math.max(comma, dot);
            boolean grouping = sep != decimal && text.length() - last - 1 == 3
                    || text.indexOf(sep) != last;
            normal = grouping ? text.replace(String.valueOf(sep), "") : text.replace(sep, '.');
        } else {
            normal = text;
        }
        if (!normal.matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberFormatException(raw);
        }
        return Optional.of(new BigDecimal(normal));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
