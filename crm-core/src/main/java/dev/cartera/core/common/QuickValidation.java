package dev.cartera.core.common;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A shortcut in front of Bean Validation for command records: when every constraint of a record is one of
 * the plain kinds below and every value clearly meets it, the command is valid and Hibernate Validator is
 * not asked (it costs several microseconds a command, a fifth of reading an imported row). Whenever a value
 * does not clearly pass, or the record has any other constraint, the full validation runs and its violations
 * are the answer, so the shortcut can only say "valid" where Bean Validation says so too; it is allowed to
 * be stricter (an e-mail address it does not recognise goes to the full check).
 *
 * <p>Understood: {@code @NotNull}, {@code @NotBlank}, {@code @Size} on text, {@code @Pattern}, {@code @Min} and
 * {@code @Max} on whole numbers, {@code @Email} without its own pattern, and {@code @AssertTrue} on a
 * {@code boolean isX()} method.
 */
final class QuickValidation {
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, Long.class, Short.class, Byte.class, int.class,
            long.class, short.class, byte.class);
    /** Dot-separated atoms of plain characters, then host labels of letters, digits and inner hyphens. */
    private static final java.util.regex.Pattern PLAIN_EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_+-]+(?:\\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final ClassValue<Predicate<Object>> CHECKS = new ClassValue<>() {
        @Override
        protected Predicate<Object> computeValue(Class<?> type) {
            return checkOf(type);
        }
    };
    private static final Predicate<Object> NEVER = command -> false;

    private QuickValidation() {
    }

    /** True only if Bean Validation would find nothing wrong with {@code command}. */
    static boolean clearlyValid(Object command) {
        return CHECKS.get(command.getClass()).test(command);
    }

    private static Predicate<Object> checkOf(Class<?> type) {
        if (!type.isRecord() || hasConstraint(type.getAnnotations())) {
            return NEVER;
        }
        List<Predicate<Object>> checks = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            java.lang.reflect.Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                return NEVER;
            }
            String name = accessor.getName();
            // An accessor that looks like a getter would be validated as a property of its own.
            boolean getterLike = name.startsWith("get") || name.startsWith("is") || name.startsWith("has");
            if (hasConstraint(component.getAnnotatedType()) || getterLike && hasConstraint(accessor.getAnnotations())) {
                return NEVER;
            }
            for (Annotation a : field.getAnnotations()) {
                if (!isConstraint(a)) {
                    continue;
                }
                Predicate<Object> value = valueCheck(a, field.getType());
                if (value == null || !field.trySetAccessible()) {
                    return NEVER;
                }
                // The field, as Bean Validation reads it (an explicit accessor may return something else).
                checks.add(command -> value.test(read(field, command)));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!hasConstraint(method.getAnnotations()) || isAccessor(type, method)) {
                continue;
            }
            boolean booleanGetter = method.getParameterCount() == 0 && method.getReturnType() == boolean.class
                    && method.getName().startsWith("is") && !Modifier.isStatic(method.getModifiers());
            if (!booleanGetter || method.getAnnotations().length != 1 || !(method.getAnnotations()[0] instanceof AssertTrue)
                    || !method.trySetAccessible()) {
                return NEVER;
            }
            checks.add(command -> Boolean.TRUE.equals(read(method, command)));
        }
        List<Predicate<Object>> all = List.copyOf(checks);
        return command -> {
            for (Predicate<Object> check : all) {
                if (!check.test(command)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The check of one constraint on a value of {@code type}, or null when it is not one understood here. */
    private static Predicate<Object> valueCheck(Annotation a, Class<?> type) {
        if (a instanceof NotNull) {
            return v -> v != null;
        }
        boolean text = CharSequence.class.isAssignableFrom(type);
        if (a instanceof NotBlank && text) {
            return v -> v != null && !v.toString().isBlank();
        }
        if (a instanceof Size size && text) {
            return v -> v == null || ((CharSequence) v).length() >= size.min() && ((CharSequence) v).length() <= size.max();
        }
        if (a instanceof Pattern pattern && text) {
            int flags = 0;
            for (Pattern.Flag flag : pattern.flags()) {
                flags |= flag.getValue();
            }
            java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp(), flags);
            return v -> v == null || compiled.matcher((CharSequence) v).matches();
        }
        if (a instanceof Email email && text && email.regexp().equals(".*") && email.flags().length == 0) {
            return v -> v == null || plainEmail(v.toString());
        }
        if (a instanceof Min min && WHOLE_NUMBERS.contains(type)) {
            return v -> v == null || ((Number) v).longValue() >= min.value();
        }
        if (a instanceof Max max && WHOLE_NUMBERS.contains(type)) {
            return v -> v == null || ((Number) v).longValue() <= max.value();
        }
        return null;
    }

    private static boolean plainEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at <= 64 && email.length() - at - 1 <= 253 && PLAIN_EMAIL.matcher(email).matches();
    }

    private static boolean isAccessor(Class<?> type, Method method) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** The method's answer, or null when it fails (the full validation then reports the failure its way). */
    private static Object read(Method method, Object command) {
        try {
            return method.invoke(command);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Object read(java.lang.reflect.Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of a command", e);
        }
    }

    private static boolean isConstraint(Annotation a) {
        return a.annotationType().isAnnotationPresent(Constraint.class) || a instanceof Valid;
    }

    private static boolean hasConstraint(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (isConstraint(a)) {
                return true;
            }
        }
        return false;
    }

    /** Constraints on type arguments or array elements (container elements), which are not checked here. */
    private static boolean hasConstraint(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType argument : p.getAnnotatedActualTypeArguments()) {
                if (hasConstraint(argument.getAnnotations()) || hasConstraint(argument)) {
                    return true;
                }
            }
        }
        if (type instanceof AnnotatedArrayType array) {
            AnnotatedType element = array.getAnnotatedGenericComponentType();
            return hasConstraint(element.getAnnotations()) || hasConstraint(element);
        }
        return false;
    }
}
