package dev.cartera.core.spi;

/** The tenant (one small firm) the current call works for. Every row Cartera reads or writes carries it. */
@FunctionalInterface
public interface TenantResolver {
    String DEFAULT_TENANT = "default";

    String currentTenant();

    static TenantResolver fixed(String tenantId) {
        return () -> tenantId;
    }
}
