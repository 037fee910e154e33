package dev.cartera.spring.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The UI's own message bundles ({@code cartera/messages*.properties}, Spanish by default), so a host
 * needs no {@code spring.messages.basename} change. Deliberately not a {@link MessageSource} bean: a
 * second bean of that type would break hosts that inject {@code MessageSource} by type.
 * {@link CarteraMessageSourceInstaller} hangs it at the end of the host's message source chain.
 */
public final class CarteraMessages {
    public static final String BASENAME = "cartera/messages";
    public static final List<String> LANGUAGES = List.of("es", "ca", "en");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public CarteraMessages() {
        configure(source);
    }

    /** A fresh source over the UI bundles that falls back to {@code parent}. */
    static MessageSource withParent(MessageSource parent) {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        configure(bundles);
        bundles.setParentMessageSource(parent);
        return bundles;
    }

    private static void configure(ResourceBundleMessageSource bundles) {
        bundles.setBasename(BASENAME);
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // Without this an English JVM would answer a Catalan user from messages_en instead of the base bundle.
        bundles.setFallbackToSystemLocale(false);
        bundles.setBeanClassLoader(CarteraMessages.class.getClassLoader());
    }

    public MessageSource source() {
        return source;
    }

    /** Whether the UI's bundles know this key: unknown error codes fall back to a generic text. */
    public boolean has(String key) {
        return source.getMessage(key, null, null, Locale.ROOT) != null;
    }

    public String get(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, key, locale);
    }
}
