package dev.cartera.core.dedupe;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.cartera.core.common.Validator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Canonical e-mail addresses and phone numbers, so that duplicates compare equal. */
public final class ContactPoints {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "ES";
    private static final int SPAIN = 34;

    private ContactPoints() {
    }

    public static String email(String raw) {
        String trimmed = Validator.trimToNull(raw);
        return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
    }

    /** E.164 ({@code +34912345678}) when the number parses as valid, Spain being the default region. */
    public static Optional<String> e164(String raw) {
        String trimmed = Validator.trimToNull(raw);
        if (trimmed == null) {
            return Optional.empty();
        }
        Optional<String> known = RECENT.get(trimmed);
        if (known != null) {
            return known;
        }
        Optional<String> parsed = parse(trimmed);
        if (RECENT.size() >= RECENT_MAX) {
            RECENT.clear();
        }
        RECENT.put(trimmed, parsed);
        return parsed;
    }

    /**
     * Numbers parsed lately: an import parses each row's phone when it checks the row and again when it stores
     * the lead, and libphonenumber is the dearest step of a row. Bounded; emptied whole when full.
     */
    private static final int RECENT_MAX = 20_000;
    private static final Map<String, Optional<String>> RECENT = new ConcurrentHashMap<>();

    private static Optional<String> parse(String trimmed) {
        String national = plainSpanishNumber(trimmed);
        if (national != null) {
            Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(SPAIN)
                    .setNationalNumber(Long.parseLong(national));
            return PHONES.isValidNumber(number) ? Optional.of("+34" + national) : Optional.empty();
        }
        return parseAnyNumber(trimmed);
    }

    /** libphonenumber's whole parse: what {@link #e164} answers for every number the plain Spanish way does not cover. */
    static Optional<String> parseAnyNumber(String trimmed) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(trimmed, DEFAULT_REGION);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The nine national digits of a number written the plain Spanish way — an optional {@code +34} or {@code 0034},
     * then nine digits, the first not 0, grouped by spaces, dots or hyphens — else null. Most imported numbers are
     * written so, and checking their digits against Spain's ranges directly costs a sixth of libphonenumber's
     * parse, which extracts, normalises and strips prefixes with regular expressions first; the result is the same
     * (a property compares both).
     */
    static String plainSpanishNumber(String s) {
        int i = s.startsWith("+34") ? 3 : s.startsWith("0034") ? 4 : 0;
        char[] digits = new char[9];
        int n = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == digits.length) {
                    return null;
                }
                digits[n++] = c;
            } else if (c != ' ' && c != '.' && c != '-') {
                return null;
            }
        }
        return n == digits.length && digits[0] != '0' ? new String(digits) : null;
    }

    /** The E.164 form when valid, else the input as typed (trimmed): a phone is never lost to normalisation. */
    public static String phone(String raw) {
        return e164(raw).orElse(Validator.trimToNull(raw));
    }

    /** The canonical tax id when it checks out, else the canonical spelling of what was typed. */
    public static String taxId(String raw) {
        String trimmed = Validator.trimToNull(raw);
        if (trimmed == null) {
            return null;
        }
        return TaxId.tryParse(trimmed).map(TaxId::value).orElse(TaxId.canonical(trimmed));
    }
}
