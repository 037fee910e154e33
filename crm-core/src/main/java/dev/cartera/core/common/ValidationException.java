package dev.cartera.core.common;

import java.util.List;

/** Input that breaks a rule: each {@link FieldError} names the field and a message-bundle key. */
public final class ValidationException extends CrmException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation.failed", errors.size());
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String code) {
        return new ValidationException(List.of(new FieldError(field, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String code) {
    }
}
