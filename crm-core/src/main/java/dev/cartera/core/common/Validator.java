package dev.cartera.core.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation for commands, the same in plain Java and behind REST. Violations become a
 * {@link ValidationException} whose codes are message-bundle keys ({@code validation.NotBlank}…). A command
 * whose values clearly meet its plain constraints is let through by {@link QuickValidation} first.
 */
public final class Validator {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .traversableResolver(new EverythingReachable())
            .buildValidatorFactory();
    private static final jakarta.validation.Validator VALIDATOR = FACTORY.getValidator();

    private Validator() {
    }

    public static <T> T valid(T command) {
        if (command == null) {
            throw ValidationException.of("body", "validation.NotNull");
        }
        if (QuickValidation.clearlyValid(command)) {
            return command;
        }
        var violations = VALIDATOR.validate(command);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream()
                    .map(Validator::toFieldError)
                    .sorted(Comparator.comparing(ValidationException.FieldError::field))
                    .toList());
        }
        return command;
    }

    private static ValidationException.FieldError toFieldError(ConstraintViolation<?> v) {
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new ValidationException.FieldError(v.getPropertyPath().toString(), "validation." + constraint);
    }

    /**
     * Commands are plain records, never JPA entities with lazy state: the default resolver asked the
     * persistence provider whether each property was loaded — a third of the cost of validating an
     * imported row.
     */
    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType type) {
            return true;
        }
    }

    /** Throws when any of the collected errors is present. */
    public static void require(List<ValidationException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
