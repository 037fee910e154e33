package dev.cartera.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a rule cannot go live: the rule's name as the admin wrote it (or {@link #RULE_SET}, {@link #UNNAMED},
 * {@link #RAW_DRL}), what is wrong as a {@link RuleErrorCode} and its arguments (as those of a {@link Reason}).
 * The UI and the API put it into the reader's language.
 */
public record RuleError(String rule, RuleErrorCode code, List<Object> args) {
    /** The problem is the rule set's, not one rule's. */
    public static final String RULE_SET = "(rule set)";
    /** A rule without a name. */
    public static final String UNNAMED = "(unnamed rule)";
    /** The raw DRL of the version; the DRL rule's own name, when known, is an argument. */
    public static final String RAW_DRL = "raw DRL";

    public RuleError {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static RuleError of(String rule, RuleErrorCode code, Object... args) {
        return new RuleError(rule, code, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return rule + ": " + code.key() + args;
    }
}
