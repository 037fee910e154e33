package dev.cartera.core.imports;

/** How a file was read, told by its content (magic bytes), not only by its name. */
public enum FileFormat {
    CSV, XLSX, XLS
}
