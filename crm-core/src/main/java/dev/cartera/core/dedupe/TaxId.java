package dev.cartera.core.dedupe;

import dev.cartera.core.common.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Spanish tax id (NIF of a person — DNI, NIE, K/L/M — or of a company — CIF), checked by its
 * control character and kept in its canonical form: upper case, no {@code ES} prefix, no spaces,
 * dots or hyphens. {@code "es b-58.378.431"} and {@code "B58378431"} are the same id.
 */
public record TaxId(String value, Kind kind) {
    public enum Kind { DNI, NIE, SPECIAL_NIF, CIF }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String CIF_LETTERS = "JABCDEFGHI";
    private static final String CIF_FIRST = "ABCDEFGHJNPQRSUVW";

    public static TaxId of(String raw) {
        String value = canonical(raw);
        if (value.length() != 9) {
            throw ValidationException.of("taxId", "taxid.length");
        }
        char first = value.charAt(0);
        if (Character.isDigit(first)) {
            return checkedDni(value, value.substring(0, 8), Kind.DNI);
        }
        if (first == 'X' || first == 'Y' || first == 'Z') {
            return checkedDni(value, "XYZ".indexOf(first) + value.substring(1, 8), Kind.NIE);
        }
        if (first == 'K' || first == 'L' || first == 'M') {
            return checkedDni(value, value.substring(1, 8), Kind.SPECIAL_NIF);
        }
        if (CIF_FIRST.indexOf(first) >= 0) {
            return checkedCif(value);
        }
        throw ValidationException.of("taxId", "taxid.format");
    }

    public static Optional<TaxId> tryParse(String raw) {
        try {
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(of(raw));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /** Upper case without separators or the {@code ES} country prefix; not yet checked. */
    public static String canonical(String raw) {
        if (raw == null) {
            return "";
        }
        String value = SEPARATORS.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
        if (value.startsWith("ES") && value.length() == 11) {
            value = value.substring(2);
        }
        return value;
    }

    public static char dniLetter(long number) {
        return DNI_LETTERS.charAt((int) (number % 23));
    }

    /** The control digit of a CIF's seven digits; letter-controlled CIFs use {@code "JABCDEFGHI".charAt(d)}. */
    public static int cifControlDigit(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int d = sevenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                int doubled = d * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += d;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static TaxId checkedDni(String value, String digits, Kind kind) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw ValidationException.of("taxId", "taxid.format");
        }
        if (value.charAt(8) != dniLetter(Long.parseLong(digits))) {
            throw ValidationException.of("taxId", "taxid.check-letter");
        }
        return new TaxId(value, kind);
    }

    private static TaxId checkedCif(String value) {
        String digits = value.substring(1, 8);
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw ValidationException.of("taxId", "taxid.format");
        }
        int control = cifControlDigit(digits);
        char given = value.charAt(8);
        char first = value.charAt(0);
        boolean letterOnly = "NPQRSW".indexOf(first) >= 0;
        boolean digitOnly = "ABEH".indexOf(first) >= 0;
        boolean digitOk = !letterOnly && given == (char) ('0' + control);
        boolean letterOk = !digitOnly && given == CIF_LETTERS.charAt(control);
        if (!digitOk && !letterOk) {
            throw ValidationException.of("taxId", "taxid.check-digit");
        }
        return new TaxId(value, Kind.CIF);
    }

    @Override
    public String toString() {
        return value;
    }
}
