package dev.cartera.core.document;

import dev.cartera.core.common.CrmException;

/** An upload that breaks the policy: empty, too large, or of a type that is not allowed. */
public final class DocumentRejectedException extends CrmException {
    public DocumentRejectedException(String code, Object... arguments) {
        super(code, arguments);
    }
}
