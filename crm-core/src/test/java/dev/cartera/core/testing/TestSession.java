package dev.cartera.core.testing;

import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.TenantResolver;
import java.util.Optional;
import java.util.function.Supplier;

/** The caller of a test's service calls: a user name in a tenant, switched with {@link #as}. */
public final class TestSession implements CurrentUser, TenantResolver {
    private volatile String tenant = "t1";
    private volatile String username;

    public void as(String tenantId, String user) {
        this.tenant = tenantId;
        this.username = user;
    }

    public <T> T call(String tenantId, String user, Supplier<T> work) {
        String previousTenant = tenant;
        String previousUser = username;
        as(tenantId, user);
        try {
            return work.get();
        } finally {
            as(previousTenant, previousUser);
        }
    }

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    @Override
    public String currentTenant() {
        return tenant;
    }
}
