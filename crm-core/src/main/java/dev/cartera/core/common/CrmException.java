package dev.cartera.core.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Base of every error Cartera reports to a caller. The {@code code} is a message-bundle key, the
 * arguments fill it in; REST turns these into RFC 9457 problems and the UI into translated text.
 */
public abstract class CrmException extends RuntimeException {
    private final String code;
    private final transient List<Object> arguments;

    protected CrmException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
