package dev.cartera.spring.ui;

import dev.cartera.core.common.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * Field errors of a form as message keys, for {@code th:text="#{${errors.get('email')}}"}. A core code
 * ({@code taxid.check-letter}) becomes {@code cartera.error.taxid.check-letter}, or a field-specific
 * {@code cartera.error.<code>.<field>} where the bundle has one; unknown codes read as a generic error.
 */
public final class FormErrors {
    static final String GLOBAL = "_global";
    private static final Map<String, String> FIELD_ALIASES = Map.of("named", "lastName", "body", GLOBAL);

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final CarteraMessages messages;

    FormErrors(CarteraMessages messages) {
        this.messages = messages;
    }

    FormErrors add(ValidationException e) {
        e.errors().forEach(error -> add(error.field(), error.code()));
        return this;
    }

    FormErrors add(BindingResult binding) {
        binding.getFieldErrors().forEach(error -> add(error.getField(), error.isBindingFailure() ? "typeMismatch" : "invalid"));
        return this;
    }

    FormErrors add(String field, String code) {
        String shownOn = FIELD_ALIASES.getOrDefault(field, field);
        String specific = "cartera.error." + code + "." + field;
        String general = "cartera.error." + code;
        keys.putIfAbsent(shownOn, messages.has(specific) ? specific : messages.has(general) ? general : "cartera.error.invalid");
        return this;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public boolean has(String field) {
        return keys.containsKey(field);
    }

    public String get(String field) {
        return keys.get(field);
    }

    public Map<String, String> all() {
        return Map.copyOf(keys);
    }
}
