package dev.cartera.spring.ui;

import dev.cartera.spring.CarteraProperties;

/** One branding for every tenant, from the host's properties. */
public class DefaultCarteraBrandingProvider implements CarteraBrandingProvider {
    private final CarteraBranding branding;

    public DefaultCarteraBrandingProvider(CarteraProperties properties, CarteraUiProperties ui) {
        this.branding = new CarteraBranding(properties.web().productName(), ui.firmName(), ui.logoUrl(),
                ui.primaryColor(), ui.accentColor(), ui.stylesheetUrl());
    }

    @Override
    public CarteraBranding branding(String tenantId) {
        return branding;
    }
}
