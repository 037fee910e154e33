package dev.cartera.core.imports.internal;

import dev.cartera.core.imports.FileFormat;
import dev.cartera.core.imports.ImportFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells what a file is from its bytes. Encoding: a BOM decides; otherwise a file that decodes as
 * strict UTF-8 from end to end is UTF-8, and anything else is Windows-1252 — what Spanish Excel
 * writes, and a superset of ISO-8859-1's printable characters, so a detector guessing between the
 * two would add nothing. Delimiter: the one of {@code ; , TAB |} that splits the first records into
 * the most consistent number of cells, quotes respected.
 */
public final class TextSniffer {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD = 64 * 1024;
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};

    private TextSniffer() {
    }

    public static FileFormat format(byte[] head, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
        if (zip) {
            return FileFormat.XLSX;
        }
        if (ole2) {
            return FileFormat.XLS;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            throw new ImportFileException("import.file.invalid-xlsx");
        }
        if (name.endsWith(".xls")) {
            throw new ImportFileException("import.file.invalid-xls");
        }
        return FileFormat.CSV;
    }

    public static byte[] head(FileSource source) throws IOException {
        try (InputStream in = source.open()) {
            return in.readNBytes(HEAD);
        }
    }

    /** Reads the whole file once (streamed) to settle the encoding, then the head to find the delimiter. */
    public static TextShape shape(FileSource source, byte[] head, String encodingOverride) throws IOException {
        int bom = 0;
        Charset charset;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            requireText(head);
            charset = encodingOverride != null ? charset(encodingOverride) : (strictUtf8(source) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        }
        String text = decodeHead(source, charset, bom);
        if (text.isBlank()) {
            throw new ImportFileException("import.file.empty");
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.length() == 5 && firstLine.regionMatches(true, 0, "sep=", 0, 4)) {
            return new TextShape(charset, bom, firstLine.charAt(4), true);
        }
        return new TextShape(charset, bom, delimiter(text), false);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            throw new ImportFileException("import.file.unknown-encoding", name);
        }
    }

    /** Text files have no NUL bytes and hardly any control characters; binaries are full of them. */
    static void requireText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                throw new ImportFileException("import.file.not-text");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                control++;
            }
        }
        if (head.length > 0 && control * 100 > head.length) {
            throw new ImportFileException("import.file.not-text");
        }
    }

    static boolean strictUtf8(FileSource source) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = source.open()) {
            byte[] buffer = new byte[32 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.put(buffer, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            return !result.isError() && !decoder.flush(chars).isError();
        }
    }

    private static String decodeHead(FileSource source, Charset charset, int bom) throws IOException {
        try (InputStream in = source.open()) {
            in.skipNBytes(bom);
            Reader reader = new InputStreamReader(in, charset);
            char[] buffer = new char[HEAD];
            int total = 0;
            int n;
            while (total < buffer.length && (n = reader.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
            }
            return new String(buffer, 0, total);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The delimiter giving the most records with the same, non-zero number of separators. */
    static char delimiter(String text) {
        List<Map<Character, Integer>> records = countPerRecord(text, 50);
        char best = ';';
        int bestConsistency = 0;
        int bestWidth = 0;
        for (char d : DELIMITERS) {
            Map<Integer, Integer> frequency = new HashMap<>();
            for (Map<Character, Integer> counts : records) {
                int c = counts.getOrDefault(d, 0);
                if (c > 0) {
                    frequency.merge(c, 1, Integer::sum);
                }
            }
            int width = 0;
            int consistency = 0;
            for (Map.Entry<Integer, Integer> e : frequency.entrySet()) {
                if (e.getValue() > consistency || (e.getValue() == consistency && e.getKey() > width)) {
                    consistency = e.getValue();
                    width = e.getKey();
                }
            }
            if (consistency > bestConsistency || (consistency == bestConsistency && width > bestWidth)) {
                best = d;
                bestConsistency = consistency;
                bestWidth = width;
            }
        }
        return best;
    }

    private static List<Map<Character, Integer>> countPerRecord(String text, int maxRecords) {
        List<Map<Character, Integer>> records = new ArrayList<>();
        Map<Character, Integer> current = new HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < text.length() && records.size() < maxRecords; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!current.isEmpty()) {
                    records.add(current);
                }
                current = new HashMap<>();
            } else if (!quoted && (c == ';' || c == ',' || c == '\t' || c == '|')) {
                current.merge(c, 1, Integer::sum);
            }
        }
        if (!current.isEmpty() && records.size() < maxRecords) {
            records.add(current);
        }
        return records;
    }
}
