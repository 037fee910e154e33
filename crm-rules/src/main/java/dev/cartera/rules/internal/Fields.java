package dev.cartera.rules.internal;

import dev.cartera.core.common.RecordType;
import dev.cartera.rules.Reason;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields criteria may name, per record type: a whitelist, so a field name in generated DRL is always one of ours. */
public final class Fields {
    public static final String CUSTOM_PREFIX = "custom.";
    private static final Pattern CUSTOM_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");
    private static final Set<String> NUMERIC = Set.of("companySize", "amount", "employees", "days", "probability", "gross",
            "recurringYearly", "version", "daysLeft", "size");
    private static final Map<RecordType, Set<String>> KNOWN = Map.of(
            RecordType.LEAD, Set.of("province", "postcode", "city", "country", "source", "productInterest", "companySize",
                    "language", "status", "companyName", "email", "jobTitle"),
            RecordType.OPPORTUNITY, Set.of("name", "stage", "status", "amount", "source", "currency", "probability", "days"),
            RecordType.ACCOUNT, Set.of("name", "province", "city", "postcode", "segment", "industry", "employees", "source", "days"),
            RecordType.ACTIVITY, Set.of("type", "priority", "subject", "relatedType", "days"),
            RecordType.USER, Set.of("username", "role", "days"),
            RecordType.QUOTE, Set.of("name", "number", "title", "status", "version", "amount", "gross", "recurringYearly", "currency",
                    "validUntil", "days", "daysLeft", "deal", "stage", "owner", "account", "province", "city", "segment", "industry"),
            RecordType.DOCUMENT, Set.of("name", "mediaType", "category", "size", "owner", "account", "province", "city", "segment",
                    "industry"));

    private Fields() {
    }

    /** Why {@code field} cannot be used on {@code type} (with no rule name yet), or empty when it can. */
    public static Optional<RuleError> problem(RecordType type, String field) {
        if (field == null || field.isBlank()) {
            return Optional.of(RuleError.of(null, RuleErrorCode.FIELD_REQUIRED));
        }
        if (field.startsWith(CUSTOM_PREFIX)) {
            String key = field.substring(CUSTOM_PREFIX.length());
            return CUSTOM_KEY.matcher(key).matches() ? Optional.empty()
                    : Optional.of(RuleError.of(null, RuleErrorCode.CUSTOM_KEY_INVALID, key));
        }
        return KNOWN.getOrDefault(type, Set.of()).contains(field) ? Optional.empty()
                : Optional.of(RuleError.of(null, RuleErrorCode.UNKNOWN_FIELD, new Reason.Field(field), type,
                        new java.util.TreeSet<>(KNOWN.getOrDefault(type, Set.of())).stream().map(Reason.Field::new).toList()));
    }

    public static boolean isNumeric(String field) {
        return NUMERIC.contains(field);
    }

    /** The fixed fields criteria may name on {@code type} (custom fields come on top, as {@code custom.<key>}). */
    public static Set<String> known(RecordType type) {
        return KNOWN.getOrDefault(type, Set.of());
    }
}
