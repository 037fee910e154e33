package dev.cartera.core.imports.internal;

import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.customfield.CustomFieldType;
import dev.cartera.core.dedupe.ContactPoints;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.imports.ColumnMapping;
import dev.cartera.core.imports.LeadField;
import dev.cartera.core.imports.RowProblem;
import dev.cartera.core.imports.SpanishValues;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one file row into a lead draft and custom field values through a mapping, and says what is
 * wrong with it, cell by cell. Also gives the row its fingerprint (what it would store, normalised)
 * and its identity (tax id, else e-mail, else phone), which keep re-runs from creating anything twice.
 */
public final class RowMapper {
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, String> LANGUAGES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale in : List.of(Locale.ENGLISH, new Locale("es"), new Locale("ca"))) {
                COUNTRIES.put(Names.fold(country.getDisplayCountry(in)), code);
            }
        }
        COUNTRIES.put("espanya", "ES");
        COUNTRIES.put("spain", "ES");
        COUNTRIES.put("espana", "ES");
        for (String code : List.of("es", "ca", "en", "gl", "eu", "fr", "pt", "de", "it")) {
            Locale language = new Locale(code);
            for (Locale in : List.of(Locale.ENGLISH, new Locale("es"), new Locale("ca"))) {
                LANGUAGES.put(Names.fold(language.getDisplayLanguage(in)), code);
            }
        }
        LANGUAGES.put("castellano", "es");
        LANGUAGES.put("catala", "ca");
        LANGUAGES.put("valenciano", "ca");
        LANGUAGES.put("valencia", "ca");
        LANGUAGES.put("euskera", "eu");
        LANGUAGES.put("vasco", "eu");
        LANGUAGES.put("galego", "gl");
    }

    /**
     * One mapped row. {@code draft} is null when the row has problems; {@code lead} is the lead the draft makes,
     * normalised here (on the reading thread) so that the writing thread only checks, assigns and stores it.
     */
    public record Mapped(SourceRow row, LeadDraft draft, Map<String, String> custom, Map<String, String> values,
            List<RowProblem> problems, String fingerprint, String identityKey, String emailKey, String phoneKey, Lead lead) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Map<LeadField, Integer> columns = new EnumMap<>(LeadField.class);
    private final Map<String, Integer> customColumns = new TreeMap<>();
    private final Map<String, CustomFieldType> customTypes;
    private final List<String> header;
    private final Function<String, Optional<UUID>> owners;

    public RowMapper(ColumnMapping mapping, List<String> header, Map<String, CustomFieldType> customTypes,
            Function<String, Optional<UUID>> owners) {
        this.header = header;
        this.customTypes = customTypes;
        this.owners = owners;
        mapping.targets().forEach((column, target) -> {
            if (target.startsWith(LeadField.CUSTOM_PREFIX)) {
                customColumns.put(target.substring(LeadField.CUSTOM_PREFIX.length()), column);
            } else {
                columns.put(LeadField.ofKey(target).orElseThrow(), column);
            }
        });
    }

    public Mapped map(SourceRow row) {
        List<RowProblem> problems = new ArrayList<>();
        for (int i = header.size(); i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) {
                problems.add(problem(i, "import.row.extra-cells", row.cells().get(i)));
                break;
            }
        }
        String firstName = text(row, LeadField.FIRST_NAME);
        String lastName = text(row, LeadField.LAST_NAME);
        String fullName = text(row, LeadField.FULL_NAME);
        if (fullName != null && firstName == null && lastName == null) {
            int comma = fullName.indexOf(',');
            if (comma > 0) {
                lastName = Validator.trimToNull(fullName.substring(0, comma));
                firstName = Validator.trimToNull(fullName.substring(comma + 1));
            } else {
                int space = fullName.indexOf(' ');
                firstName = space < 0 ? null : fullName.substring(0, space);
                lastName = space < 0 ? fullName : fullName.substring(space + 1).strip();
            }
        }
        String phone = text(row, LeadField.PHONE);
        if (phone == null) {
            phone = text(row, LeadField.MOBILE);
        }
        // Parsed once here: libphonenumber is the dearest step of a row, and every later step needs the result.
        Optional<String> e164 = ContactPoints.e164(phone);
        String phoneKey = e164.orElse(phone);
        String taxId = text(row, LeadField.TAX_ID);
        if (taxId != null) {
            try {
                taxId = TaxId.of(taxId).value();
            } catch (ValidationException e) {
                problems.add(problem(columns.get(LeadField.TAX_ID), e.errors().get(0).code(), taxId));
            }
        }
        String country = text(row, LeadField.COUNTRY);
        if (country != null) {
            String code = country.length() == 2 ? country.toUpperCase(Locale.ROOT) : COUNTRIES.get(Names.fold(country));
            if (code == null || !COUNTRIES.containsValue(code)) {
                problems.add(problem(columns.get(LeadField.COUNTRY), "import.value.unknown-country", country));
            }
            country = code;
        }
        String language = text(row, LeadField.LANGUAGE);
        if (language != null) {
            String code = language.length() == 2 ? language.toLowerCase(Locale.ROOT) : LANGUAGES.get(Names.fold(language));
            if (code == null) {
                problems.add(problem(columns.get(LeadField.LANGUAGE), "import.value.unknown-language", language));
            }
            language = code;
        }
        String postcode = text(row, LeadField.POSTCODE);
        if (postcode != null && FOUR_DIGITS.matcher(postcode).matches() && (country == null || "ES".equals(country))) {
            postcode = "0" + postcode; // Excel drops the leading zero of Barcelona's 08001
        }
        Integer companySize = null;
        String size = text(row, LeadField.COMPANY_SIZE);
        if (size != null) {
            companySize = SpanishValues.integer(size).orElse(null);
            if (companySize == null || companySize < 0) {
                problems.add(problem(columns.get(LeadField.COMPANY_SIZE), "import.value.not-a-whole-number", size));
                companySize = null;
            }
        }
        UUID ownerId = null;
        String owner = text(row, LeadField.OWNER);
        if (owner != null) {
            ownerId = owners.apply(owner).orElse(null);
            if (ownerId == null) {
                problems.add(problem(columns.get(LeadField.OWNER), "import.value.unknown-user", owner));
            }
        }
        Map<String, String> custom = new TreeMap<>();
        customColumns.forEach((key, column) -> {
            String raw = Validator.trimToNull(row.cell(column));
            if (raw != null) {
                customValue(customTypes.getOrDefault(key, CustomFieldType.TEXT), raw)
                        .ifPresentOrElse(v -> custom.put(key, v),
                                () -> problems.add(problem(column, "import.value.invalid-" + customTypes.getOrDefault(key,
                                        CustomFieldType.TEXT).name().toLowerCase(Locale.ROOT), raw)));
            }
        });
        LeadDraft draft = new LeadDraft(firstName, lastName, text(row, LeadField.COMPANY_NAME), text(row, LeadField.JOB_TITLE),
                text(row, LeadField.EMAIL), phone, taxId, text(row, LeadField.SOURCE), null, ownerId,
                text(row, LeadField.STREET), text(row, LeadField.CITY), postcode, text(row, LeadField.PROVINCE),
                country, language, companySize, text(row, LeadField.PRODUCT_INTEREST), text(row, LeadField.NOTES));
        try {
            Validator.valid(draft);
        } catch (ValidationException e) {
            for (ValidationException.FieldError error : e.errors()) {
                Integer column = columnOf(error.field());
                problems.add(problem(column, error.code().equals("validation.AssertTrue") ? "lead.name.required" : error.code(),
                        column == null ? null : row.cell(column)));
            }
        }
        String emailKey = ContactPoints.email(draft.email());
        Map<String, String> values = values(draft, custom, emailKey, phoneKey);
        if (!problems.isEmpty()) {
            return new Mapped(row, null, custom, values, List.copyOf(problems), null, null, emailKey, phoneKey, null);
        }
        String identity = draft.taxId() != null ? "tax:" + draft.taxId()
                : emailKey != null ? "email:" + emailKey : e164.map(p -> "phone:" + p).orElse(null);
        return new Mapped(row, draft, custom, values, List.of(), fingerprint(values), identity, emailKey, phoneKey,
                LeadService.normalisedLead(draft));
    }

    private RowProblem problem(Integer column, String reason, String value) {
        int c = column == null ? -1 : column;
        String name = c >= 0 && c < header.size() ? header.get(c) : null;
        String shown = value == null ? null : (value.length() > 500 ? value.substring(0, 500) : value);
        return new RowProblem(c, name, reason, shown);
    }

    private String text(SourceRow row, LeadField field) {
        Integer column = columns.get(field);
        return column == null ? null : Validator.trimToNull(row.cell(column));
    }

    private Integer columnOf(String draftField) {
        return switch (draftField) {
            case "firstName" -> columns.getOrDefault(LeadField.FIRST_NAME, columns.get(LeadField.FULL_NAME));
            case "lastName" -> columns.getOrDefault(LeadField.LAST_NAME, columns.get(LeadField.FULL_NAME));
            case "phone" -> columns.getOrDefault(LeadField.PHONE, columns.get(LeadField.MOBILE));
            case "named" -> null;
            default -> LeadField.ofKey(draftField).map(columns::get).orElse(null);
        };
    }

    static Optional<String> customValue(CustomFieldType type, String raw) {
        return switch (type) {
            case NUMBER -> SpanishValues.decimal(raw).map(d -> d.stripTrailingZeros().toPlainString());
            case DATE -> SpanishValues.date(raw).map(Object::toString);
            case BOOLEAN -> switch (Names.fold(raw)) {
                case "si", "s", "yes", "y", "true", "1", "x", "verdadero", "cierto" -> Optional.of("true");
                case "no", "n", "false", "0", "falso" -> Optional.of("false");
                default -> Optional.empty();
            };
            case TEXT, CHOICE -> raw.length() <= 4000 ? Optional.of(raw) : Optional.empty();
        };
    }

    /** What the row would store, in canonical forms: the basis of its fingerprint and of the preview. */
    private static Map<String, String> values(LeadDraft d, Map<String, String> custom, String email, String phone) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "firstName", d.firstName());
        put(v, "lastName", d.lastName());
        put(v, "companyName", d.companyName());
        put(v, "jobTitle", d.jobTitle());
        put(v, "email", email);
        put(v, "phone", phone);
        put(v, "taxId", d.taxId());
        put(v, "source", d.source());
        put(v, "ownerId", d.ownerId() == null ? null : d.ownerId().toString());
        put(v, "street", d.street());
        put(v, "city", d.city());
        put(v, "postcode", d.postcode());
        put(v, "province", d.province());
        put(v, "country", d.country());
        put(v, "language", d.language());
        put(v, "companySize", d.companySize() == null ? null : d.companySize().toString());
        put(v, "productInterest", d.productInterest());
        put(v, "notes", d.notes());
        custom.forEach((k, value) -> v.put(LeadField.CUSTOM_PREFIX + k, value));
        return v;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String fingerprint(Map<String, String> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            values.forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1F);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1E);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
