package dev.cartera.core.quote;

import java.util.regex.Pattern;

/**
 * How a tenant's documents look (B-3): the name printed on them, an optional PNG or JPEG logo and
 * the brand colour as {@code #rrggbb}, plus an optional footer (address, tax id, registry data).
 */
public record Branding(String companyName, byte[] logo, String primaryColour, String footer) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    public Branding {
        if (companyName == null || companyName.isBlank()) {
            throw new IllegalArgumentException("companyName");
        }
        if (primaryColour == null || !HEX.matcher(primaryColour).matches()) {
            primaryColour = "#1f4e79";
        }
        logo = logo == null ? null : logo.clone();
    }

    public static Branding named(String companyName) {
        return new Branding(companyName, null, null, null);
    }
}
