package dev.cartera.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One step of the rules' reasoning (why a rule matched, who it picked, why a timer is not due…) or one planned
 * action, as a {@link ReasonCode} and its arguments, never as a sentence: the UI and the API put it into the
 * reader's language. Arguments are plain values (names, numbers, dates), enums of the rules and the CRM (a trigger,
 * an operator, a status…), {@link Field field names}, criteria, lists of values, or another reason.
 */
public record Reason(ReasonCode code, List<Object> args) {
    public Reason {
        Objects.requireNonNull(code, "code");
        // Arguments may be null (a lead without a province), so no List.copyOf.
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Reason of(ReasonCode code, Object... args) {
        return new Reason(code, Arrays.asList(args));
    }

    /** A field a criterion can name ({@code province}, {@code custom.sector}), shown by its label, not its key. */
    public record Field(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String toString() {
        return code.key() + args;
    }
}
