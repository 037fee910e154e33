package dev.cartera.core.persistence;

import dev.cartera.core.access.AccessGuard;
import dev.cartera.core.access.Scope;
import jakarta.persistence.Query;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The owner restriction of one actor's scope, as a JPQL predicate plus its bound parameter. */
public record ScopeFilter(Scope scope, Optional<Set<UUID>> owners) {

    public String predicate(String ownerPath) {
        return AccessGuard.ownerPredicate(ownerPath, owners, scope);
    }

    public <Q extends Query> Q bind(Q query) {
        owners.filter(o -> !o.isEmpty()).ifPresent(o -> query.setParameter("scopeOwners", AccessGuard.asList(o)));
        return query;
    }
}
