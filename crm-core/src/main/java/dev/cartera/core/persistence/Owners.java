package dev.cartera.core.persistence;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Who may own a record: yourself always; anyone else only with the ASSIGN permission and within its scope. */
public final class Owners {
    private Owners() {
    }

    /** The owner of a new record: the requested one if allowed, else the caller. */
    public static UUID resolveNewOwner(UnitOfWork work, RecordType type, UUID requested) {
        if (requested == null || Objects.equals(requested, work.actor().userId())) {
            return work.actor().userId();
        }
        return resolveReassignment(work, type, requested);
    }

    public static UUID resolveReassignment(UnitOfWork work, RecordType type, UUID newOwner) {
        if (newOwner != null && newOwner.equals(work.actor().userId())) {
            return newOwner;
        }
        Scope scope = work.require(Action.ASSIGN, type);
        if (newOwner == null) {
            return null;
        }
        Long active = work.remember("owner-active:" + newOwner, () -> work.em()
                .createQuery("select count(u) from CrmUser u where u.id = :id and u.active = true", Long.class)
                .setParameter("id", newOwner)
                .getSingleResult());
        if (active == 0) {
            throw ValidationException.of("ownerId", "owner.unknown");
        }
        if (!work.canReach(scope, newOwner)) {
            throw new AccessDeniedException(Action.ASSIGN, type);
        }
        return newOwner;
    }
}
