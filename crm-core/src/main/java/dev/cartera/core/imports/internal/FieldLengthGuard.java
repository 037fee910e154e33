package dev.cartera.core.imports.internal;

import dev.cartera.core.imports.ImportFileException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a file whose text runs longer than a cell may be without a delimiter or line break, before
 * the CSV parser has gathered it into one huge string (a 20 MB "field").
 */
final class FieldLengthGuard extends FilterReader {
    private final char delimiter;
    private final int maxChars;
    private int run;

    FieldLengthGuard(Reader in, char delimiter, int maxChars) {
        super(in);
        this.delimiter = delimiter;
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            see(buffer[i]);
        }
        return n;
    }

    private void see(char c) {
        if (c == delimiter || c == '\n' || c == '\r') {
            run = 0;
        } else if (++run > maxChars) {
            throw new ImportFileException("import.file.field-too-long", maxChars);
        }
    }
}
