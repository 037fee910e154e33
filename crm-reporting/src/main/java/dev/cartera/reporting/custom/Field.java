package dev.cartera.reporting.custom;

import java.util.List;

/**
 * One whitelisted field of a custom report: the key a definition names it by and the fixed SQL that
 * reads it. A definition can only name keys; the SQL never comes from the caller.
 *
 * @param label   SQL of the shown value when it differs from the stored one (the name behind an id)
 * @param choices the allowed values of a {@link FieldType#CHOICE} field
 */
public record Field(String key, String sql, String label, FieldType type, List<String> choices) {

    static Field of(String key, String sql, FieldType type) {
        return new Field(key, sql, null, type, List.of());
    }

    static Field reference(String key, String sql, String label) {
        return new Field(key, sql, label, FieldType.REFERENCE, List.of());
    }

    static Field choice(String key, String sql, Class<? extends Enum<?>> values) {
        return new Field(key, sql, null, FieldType.CHOICE,
                java.util.Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
    }

    /** What a SELECT shows for this field. */
    public String shown() {
        return label != null ? label : sql;
    }

    public boolean numeric() {
        return type == FieldType.NUMBER;
    }

    public boolean orderable() {
        return type == FieldType.NUMBER || type == FieldType.TIMESTAMP || type == FieldType.DATE;
    }
}
