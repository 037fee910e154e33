package dev.cartera.core.imports.internal;

import java.nio.charset.Charset;

/** How a text file is written: its encoding, the BOM bytes to skip, the delimiter, and whether Excel's {@code sep=} line leads. */
public record TextShape(Charset charset, int bomBytes, char delimiter, boolean sepLine) {
}
