package dev.cartera.core.persistence;

import dev.cartera.core.access.AccessGuard;
import dev.cartera.core.access.Action;
import dev.cartera.core.access.Actor;
import dev.cartera.core.access.Scope;
import dev.cartera.core.audit.AuditEntry;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.event.CrmEvent;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a service method works with inside one transaction: the EntityManager, the resolved actor,
 * the clock, access checks, audit and the events to publish once the transaction commits.
 */
public final class UnitOfWork {
    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private final EntityManager em;
    private final Actor actor;
    private final Clock clock;
    private final AccessGuard guard;
    private final List<CrmEvent> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Object> remembered = new HashMap<>();
    private final Map<Class<?>, Object> extensions;

    UnitOfWork(EntityManager em, Actor actor, Clock clock, AccessGuard guard, Map<Class<?>, Object> extensions) {
        this.extensions = extensions;
        this.em = em;
        this.actor = actor;
        this.clock = clock;
        this.guard = guard;
    }

    public static UnitOfWork current() {
        UnitOfWork work = CURRENT.get();
        if (work == null) {
            throw new IllegalStateException("Cartera entities are written inside a Cartera unit of work only");
        }
        return work;
    }

    static UnitOfWork bound() {
        return CURRENT.get();
    }

    static void bind(UnitOfWork work) {
        CURRENT.set(work);
    }

    static void unbind() {
        CURRENT.remove();
    }

    /** A module's plug-in registered on {@code Cartera.builder()} under {@code type}, if any. */
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    public EntityManager em() {
        return em;
    }

    public Actor actor() {
        return actor;
    }

    public String tenantId() {
        return actor.tenantId();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public String username() {
        return actor.username();
    }

    /** Fails unless the actor's role allows the action on the record type; returns the scope it has. */
    public Scope require(Action action, RecordType type) {
        return guard.require(actor, action, type);
    }

    public ScopeFilter scopeFilter(Action action, RecordType type) {
        Scope scope = require(action, type);
        return new ScopeFilter(scope, guard.visibleOwners(em, actor, scope));
    }

    /** Whether the scope reaches the owner; the scope's owners are looked up once per unit of work (bulk work asks often). */
    public boolean canReach(Scope scope, UUID ownerId) {
        return AccessGuard.reaches(remember(scope, () -> guard.visibleOwners(em, actor, scope)), scope, ownerId);
    }

    /**
     * A value computed once per unit of work: facts that cannot change under it in a way that matters
     * (a user being active, who is in a team) but would otherwise cost a query per record in bulk work.
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(Object key, Supplier<T> compute) {
        if (!remembered.containsKey(key)) {
            remembered.put(key, compute.get());
        }
        return (T) remembered.get(key);
    }

    /** Loads a record the actor may act on with its owner in scope, or reports it absent. */
    public <E extends TenantEntity> E load(Class<E> type, RecordType recordType, UUID id, Action action,
            java.util.function.Function<E, UUID> owner) {
        Scope scope = require(action, recordType);
        E entity = id == null ? null : em.find(type, id);
        if (entity == null) {
            throw new NotFoundException(recordType, id);
        }
        guard.requireReach(em, actor, scope, recordType, id, owner.apply(entity));
        return entity;
    }

    /** Loads a configuration record (no owner) or reports it absent. */
    public <E extends TenantEntity> E loadShared(Class<E> type, RecordType recordType, UUID id, Action action) {
        require(action, recordType);
        E entity = id == null ? null : em.find(type, id);
        if (entity == null) {
            throw new NotFoundException(recordType, id);
        }
        return entity;
    }

    /** Writes pending changes now, so the returned view carries the new version (the ETag a caller gets). */
    public <E> E flushed(E entity) {
        em.flush();
        return entity;
    }

    public void audit(String action, RecordType type, UUID id, String details) {
        em.persist(new AuditEntry(now(), username(), action, type, id, details));
    }

    public void publish(CrmEvent event) {
        events.add(event);
    }

    /**
     * Runs {@code task} once the transaction has committed, after its events — for work another thread must
     * see committed (a background job handed over); never if it rolls back. In a unit joined by nested calls,
     * that is when the outermost one commits.
     */
    public void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    List<Runnable> afterCommitTasks() {
        return afterCommit;
    }

    List<CrmEvent> events() {
        return events;
    }
}
