package dev.cartera.core.common;

/** The record changed since the caller read it, or the change clashes with its current state. */
public final class ConflictException extends CrmException {
    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
