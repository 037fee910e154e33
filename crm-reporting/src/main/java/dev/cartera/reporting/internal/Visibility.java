package dev.cartera.reporting.internal;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which owners' records a report may aggregate for the caller: the narrower of the caller's report
 * scope and their read scope on the record type (rep: own, manager: team, director/admin: all).
 * Unassigned records count from team scope up, as in the core's lists.
 */
public record Visibility(Optional<Set<UUID>> owners, boolean unassigned) {

    public static Visibility of(UnitOfWork work, RecordType type) {
        return of(work, Action.READ, type);
    }

    public static Visibility of(UnitOfWork work, Action action, RecordType type) {
        return of(work, action, type, work.scopeFilter(action, RecordType.REPORT));
    }

    /** With the caller's report scope already resolved (one lookup per report run). */
    public static Visibility of(UnitOfWork work, Action action, RecordType type, ScopeFilter report) {
        return of(report, work.scopeFilter(Action.READ, type));
    }

    /** From the caller's report scope and their read scope on the record type, both resolved. */
    public static Visibility of(ScopeFilter report, ScopeFilter records) {
        Optional<Set<UUID>> owners;
        if (report.owners().isEmpty()) {
            owners = records.owners();
        } else if (records.owners().isEmpty()) {
            owners = report.owners();
        } else {
            Set<UUID> both = new HashSet<>(report.owners().get());
            both.retainAll(records.owners().get());
            owners = Optional.of(both);
        }
        boolean unassigned = covers(report) && covers(records);
        return new Visibility(owners.map(Set::copyOf), unassigned);
    }

    private static boolean covers(ScopeFilter filter) {
        return filter.owners().isEmpty() || filter.scope().covers(Scope.TEAM);
    }

    public boolean all() {
        return owners.isEmpty();
    }

    /** Appends {@code and (<owner column> in (…) [or … is null])} unless everything is visible. */
    public Sql restrict(Sql sql, String ownerColumn) {
        if (owners.isEmpty()) {
            return sql;
        }
        sql.add(" and (");
        sql.in(ownerColumn, owners.get());
        if (unassigned) {
            sql.add(" or " + ownerColumn + " is null");
        }
        return sql.add(")");
    }

    public boolean sees(UUID owner) {
        if (owners.isEmpty()) {
            return true;
        }
        return owner == null ? unassigned : owners.get().contains(owner);
    }
}
