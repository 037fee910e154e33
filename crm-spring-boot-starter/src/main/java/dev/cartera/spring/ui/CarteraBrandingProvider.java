package dev.cartera.spring.ui;

/**
 * The branding of a tenant. An agency serving many firms declares its own bean to show each firm's
 * name, logo and colours; the default reads {@code cartera.web.product-name} and {@code cartera.web.ui.*}.
 */
@FunctionalInterface
public interface CarteraBrandingProvider {
    CarteraBranding branding(String tenantId);
}
