package dev.cartera.core.access;

import java.util.UUID;

/** The caller of one unit of work, resolved from the host's user to a CRM user of the tenant. */
public record Actor(UUID userId, String username, String tenantId, Role role, UUID teamId, UUID officeId, boolean system) {
    public static final String SYSTEM_USERNAME = "system";

    public static Actor system(String tenantId) {
        return new Actor(null, SYSTEM_USERNAME, tenantId, Role.ADMIN, null, null, true);
    }
}
