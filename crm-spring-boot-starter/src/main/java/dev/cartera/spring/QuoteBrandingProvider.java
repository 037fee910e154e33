package dev.cartera.spring;

import dev.cartera.core.quote.Branding;

/**
 * How a tenant's quote PDFs look (B-3): name, logo, colour, footer. The default prints
 * {@code cartera.web.ui.firm-name} (or the product name) in {@code cartera.web.ui.primary-color};
 * an agency serving many firms declares its own bean.
 */
@FunctionalInterface
public interface QuoteBrandingProvider {
    Branding branding(String tenantId);
}
