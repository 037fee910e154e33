package dev.cartera.core.tenant;

import java.util.function.Supplier;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The tenant of the unit of work running on this thread. Hibernate reads it for every session,
 * so {@code @TenantId} fills and filters the tenant column on every entity. A session opened
 * outside a unit of work gets a tenant id that matches no row.
 */
public final class TenantContext implements CurrentTenantIdentifierResolver<String> {
    static final String NO_TENANT = "\u0000none";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static <T> T callAs(String tenantId, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(TenantIds.requireValid(tenantId));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static String current() {
        String tenant = CURRENT.get();
        return tenant == null ? NO_TENANT : tenant;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return current();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
