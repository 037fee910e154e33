package dev.cartera.core.document;

import java.util.Set;

/** What may be uploaded: a size limit and the media types detected from the content. */
public record DocumentPolicy(long maxBytes, Set<String> allowedMediaTypes) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** Office documents, PDFs, pictures and plain text; never HTML, SVG, scripts or executables. */
    public static DocumentPolicy defaults() {
        return new DocumentPolicy(DEFAULT_MAX_BYTES, Set.of(
                "application/pdf",
                "image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/tiff",
                "text/plain", "text/csv",
                "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.oasis.opendocument.presentation"));
    }

    public boolean allows(String mediaType) {
        return allowedMediaTypes.contains(mediaType);
    }
}
