package dev.cartera.core.imports;

import dev.cartera.core.common.CrmException;

/**
 * A file Cartera will not import, with a message-bundle code that says why in words a user
 * understands ({@code import.file.not-text}, {@code import.file.field-too-long}…). Never a stack trace.
 */
public final class ImportFileException extends CrmException {
    public ImportFileException(String code, Object... arguments) {
        super(code, arguments);
    }
}
