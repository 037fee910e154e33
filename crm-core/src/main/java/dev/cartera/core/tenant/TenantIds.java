package dev.cartera.core.tenant;

import dev.cartera.core.access.AccessDeniedException;
import java.util.regex.Pattern;

/** Tenant ids are short slugs, so they are safe in logs, URLs and file paths. */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private TenantIds() {
    }

    public static String requireValid(String tenantId) {
        if (tenantId == null || !VALID.matcher(tenantId).matches()) {
            throw new AccessDeniedException("tenant.invalid");
        }
        return tenantId;
    }
}
