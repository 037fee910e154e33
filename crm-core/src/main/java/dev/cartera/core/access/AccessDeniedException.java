package dev.cartera.core.access;

import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.RecordType;

/** The caller's role does not allow this action on this kind of record. */
public final class AccessDeniedException extends CrmException {
    public AccessDeniedException(Action action, RecordType recordType) {
        super("access.denied", action, recordType);
    }

    public AccessDeniedException(String code) {
        super(code);
    }
}
