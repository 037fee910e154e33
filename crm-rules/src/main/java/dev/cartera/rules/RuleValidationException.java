package dev.cartera.rules;

import dev.cartera.core.common.CrmException;
import java.util.List;

/** A version that does not validate or compile; the active version stays live. */
public class RuleValidationException extends CrmException {
    private final transient List<RuleError> errors;

    public RuleValidationException(List<RuleError> errors) {
        super("rules.invalid", errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
