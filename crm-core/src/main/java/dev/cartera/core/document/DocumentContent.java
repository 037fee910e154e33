package dev.cartera.core.document;

import java.io.InputStream;

/**
 * Content to send to a browser. {@code mediaType} was sniffed from the bytes at upload, never taken
 * from the file name; the caller must still send it as an attachment with {@code nosniff}.
 */
public record DocumentContent(String name, String mediaType, long size, InputStream stream) {
}
