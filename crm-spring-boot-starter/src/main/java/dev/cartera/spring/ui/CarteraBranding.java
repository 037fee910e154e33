package dev.cartera.spring.ui;

import java.util.regex.Pattern;

/**
 * What the top bar and the colours show for one tenant (B-3): the product, the firm using it, a logo
 * and brand colours that become the CSS variables {@code --cartera-primary} and {@code --cartera-accent}.
 * Colours that are not CSS hex colours are dropped, because they are written into a style element.
 */
public record CarteraBranding(String productName, String firmName, String logoUrl, String primaryColor,
        String accentColor, String stylesheetUrl) {
    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}){1,2}(?:[0-9a-fA-F]{2})?");

    public CarteraBranding {
        primaryColor = colourOrNull(primaryColor);
        accentColor = colourOrNull(accentColor);
        firmName = blankToNull(firmName);
        logoUrl = blankToNull(logoUrl);
        stylesheetUrl = blankToNull(stylesheetUrl);
    }

    public boolean hasColours() {
        return primaryColor != null || accentColor != null;
    }

    private static String colourOrNull(String colour) {
        return colour != null && HEX_COLOUR.matcher(colour.strip()).matches() ? colour.strip() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
