package dev.cartera.spring.ui;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cartera.web.ui.*}: how the web UI looks and formats for a host that supplies no
 * {@link CarteraBrandingProvider} of its own. Colours must be CSS hex colours ({@code #0f766e}).
 */
@ConfigurationProperties("cartera.web.ui")
public record CarteraUiProperties(
        String firmName,
        String logoUrl,
        String primaryColor,
        String accentColor,
        String stylesheetUrl,
        @DefaultValue("Europe/Madrid") ZoneId timeZone,
        @DefaultValue("es") String defaultLanguage,
        @DefaultValue("20") int pageSize) {
}
