package dev.cartera.core.access;

import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies an {@link AccessPolicy} to one actor: whether an action is allowed on a record type, and
 * which owners' records the allowed scope reaches. Unassigned records are visible from team scope up,
 * so managers can triage them.
 */
public final class AccessGuard {
    private final AccessPolicy policy;

    public AccessGuard(AccessPolicy policy) {
        this.policy = policy;
    }

    public Scope require(Actor actor, Action action, RecordType recordType) {
        Scope scope = actor.system() ? Scope.ALL : policy.scope(actor.role(), action, recordType);
        if (scope == null || scope == Scope.NONE) {
            throw new AccessDeniedException(action, recordType);
        }
        return scope;
    }

    /** The owners whose records the scope reaches; empty means every owner (scope ALL). */
    public Optional<Set<UUID>> visibleOwners(EntityManager em, Actor actor, Scope scope) {
        if (scope == Scope.ALL || actor.system()) {
            return Optional.empty();
        }
        Set<UUID> owners = new HashSet<>();
        if (actor.userId() != null) {
            owners.add(actor.userId());
        }
        if (scope == Scope.TEAM) {
            owners.addAll(em.createQuery("select u.id from CrmUser u where u.teamId = :team"
                    + " or u.teamId in (select t.id from Team t where t.managerId = :me)", UUID.class)
                    .setParameter("team", actor.teamId())
                    .setParameter("me", actor.userId())
                    .getResultList());
        } else if (scope == Scope.OFFICE && actor.officeId() != null) {
            owners.addAll(em.createQuery("select u.id from CrmUser u where u.officeId = :office"
                    + " or u.teamId in (select t.id from Team t where t.officeId = :office)", UUID.class)
                    .setParameter("office", actor.officeId())
                    .getResultList());
        }
        return Optional.of(owners);
    }

    public boolean canReach(EntityManager em, Actor actor, Scope scope, UUID ownerId) {
        return reaches(visibleOwners(em, actor, scope), scope, ownerId);
    }

    /** Whether owners found by {@link #visibleOwners} for the scope include the owner (unassigned: team scope and up). */
    public static boolean reaches(Optional<Set<UUID>> owners, Scope scope, UUID ownerId) {
        if (owners.isEmpty()) {
            return true;
        }
        if (ownerId == null) {
            return scope.covers(Scope.TEAM);
        }
        return owners.get().contains(ownerId);
    }

    /** Records outside the caller's scope are reported as absent, so their existence does not leak. */
    public void requireReach(EntityManager em, Actor actor, Scope scope, RecordType type, UUID id, UUID ownerId) {
        if (!canReach(em, actor, scope, ownerId)) {
            throw new NotFoundException(type, id);
        }
    }

    /** Filters a JPQL query on {@code alias.ownerId}; the caller binds {@code :scopeOwners} when non-empty. */
    public static String ownerPredicate(String ownerPath, Optional<Set<UUID>> owners, Scope scope) {
        if (owners.isEmpty()) {
            return "1 = 1";
        }
        String inOwners = owners.get().isEmpty() ? "1 = 0" : ownerPath + " in :scopeOwners";
        return scope.covers(Scope.TEAM) ? "(" + inOwners + " or " + ownerPath + " is null)" : inOwners;
    }

    public static List<UUID> asList(Set<UUID> owners) {
        return List.copyOf(owners);
    }
}
