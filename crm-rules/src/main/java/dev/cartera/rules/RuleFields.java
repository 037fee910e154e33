package dev.cartera.rules;

import dev.cartera.core.common.RecordType;
import dev.cartera.rules.internal.Fields;
import java.util.List;

/**
 * The fields criteria may name, per record type, for editors that offer them in a list: the same whitelist the
 * checks and the DRL generator use, so an editor never offers a field a rule may not use. Custom fields come on
 * top as {@code custom.<key>}.
 */
public final class RuleFields {
    public static final String CUSTOM_PREFIX = Fields.CUSTOM_PREFIX;

    private RuleFields() {
    }

    /** The fixed fields of {@code type}, sorted by name. */
    public static List<String> of(RecordType type) {
        return Fields.known(type).stream().sorted().toList();
    }

    /** The fields a rule with this trigger may name (those of the trigger's record type). */
    public static List<String> of(Trigger trigger) {
        return of(trigger.recordType());
    }

    /** Whether {@code BETWEEN} compares the field as a number. */
    public static boolean isNumeric(String field) {
        return Fields.isNumeric(field);
    }
}
