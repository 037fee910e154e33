package dev.cartera.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything a host sets under {@code cartera.*}. */
@ConfigurationProperties("cartera")
public record CarteraProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Tenant tenant,
        @DefaultValue Web web,
        @DefaultValue Api api,
        @DefaultValue Schema schema) {

    /** {@code cartera.tenant.default-id}: the tenant of a single-firm host that supplies no TenantResolver. */
    public record Tenant(@DefaultValue("default") String defaultId) {
    }

    /** {@code cartera.web.*}: the web UI. */
    public record Web(@DefaultValue("true") boolean enabled, @DefaultValue("/crm") String basePath,
            @DefaultValue("Cartera") String productName) {
    }

    /** {@code cartera.api.*}: the REST API. */
    public record Api(@DefaultValue("true") boolean enabled, @DefaultValue("/crm/api/v1") String basePath) {
    }

    /** {@code cartera.schema.migrate}: run Cartera's own Flyway migrations at start-up. */
    public record Schema(@DefaultValue("true") boolean migrate) {
    }
}
