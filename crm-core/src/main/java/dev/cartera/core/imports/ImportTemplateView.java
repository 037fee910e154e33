package dev.cartera.core.imports;

import java.util.Map;
import java.util.UUID;

/** A saved mapping: normalised header name → target. */
public record ImportTemplateView(UUID id, String name, Map<String, String> targets) {
    public ImportTemplateView {
        targets = Map.copyOf(targets);
    }
}
