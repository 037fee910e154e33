package dev.cartera.core.document.internal;

import java.text.Normalizer;

/** File names as users send them, made safe to store and to put in a Content-Disposition header. */
public final class FileNames {
    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    public static String safe(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "documento";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int keep = MAX_LENGTH - extension.length();
            name = name.substring(0, name.offsetByCodePoints(0, keep)) + extension;
        }
        return name;
    }
}
