package dev.cartera.demo;

import dev.cartera.core.quote.Branding;
import dev.cartera.spring.QuoteBrandingProvider;
import dev.cartera.spring.ui.CarteraBranding;
import dev.cartera.spring.ui.CarteraBrandingProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The demo's own pages (the root redirect and the login page), its branding and the clock Cartera runs on. */
@Configuration(proxyBeanMethods = false)
public class DemoWebConfiguration implements WebMvcConfigurer {

    /** Picked up by the starter for {@code Cartera}; the demo-data loader pins it to past dates while loading. */
    @Bean
    DemoClock demoClock() {
        return DemoClock.systemUtc();
    }

    /** Each firm sees its own name and colours in the top bar (B-3, and B-6's "beneficiary on every screen"). */
    @Bean
    CarteraBrandingProvider demoBranding() {
        return tenant -> DemoTenants.OTRA.equals(tenant)
                ? new CarteraBranding("Cartera", "Talleres Norte S.L.", null, "#2f5d3a", "#b5452b", null)
                : new CarteraBranding("Cartera", "Suministros Levante S.L.", null, "#0f5c8c", "#e07a1f", null);
    }

    /** Quote PDFs in each firm's name, colour and registry footer. */
    @Bean
    QuoteBrandingProvider demoQuoteBranding() {
        return tenant -> DemoTenants.OTRA.equals(tenant)
                ? new Branding("Talleres Norte S.L.", null, "#2f5d3a", "CIF B95123456 · Bilbao")
                : new Branding("Suministros Levante S.L.", null, "#0f5c8c", "CIF B46123456 · Av. del Puerto 120, 46023 Valencia");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/crm");
        registry.addViewController("/login").setViewName("demo/login");
    }
}
