package dev.cartera.core.spi;

import java.util.Optional;

/**
 * Who is calling, as the host knows it. Cartera maps the name to a {@code CrmUser} of the current
 * tenant, which carries the role, team and office that decide what the caller may see and do.
 */
@FunctionalInterface
public interface CurrentUser {
    Optional<String> username();
}
