package dev.cartera.core.common;

/** Zero-based page and size, the size capped so no caller can ask for the whole table. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw ValidationException.of("page", "page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("size", "page.size.range");
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public int offset() {
        return page * size;
    }
}
