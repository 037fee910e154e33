package dev.cartera.core.imports;

/** Optional choices for a preview: a saved template to start the mapping from, an encoding to use instead of the detected one. */
public record PreviewOptions(String templateName, String encoding) {
    public static PreviewOptions none() {
        return new PreviewOptions(null, null);
    }

    public static PreviewOptions template(String name) {
        return new PreviewOptions(name, null);
    }
}
