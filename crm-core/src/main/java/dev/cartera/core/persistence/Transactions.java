package dev.cartera.core.persistence;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.AccessGuard;
import dev.cartera.core.access.Actor;
import dev.cartera.core.access.Role;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.EventPublisher;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.core.spi.TransactionRunner;
import dev.cartera.core.tenant.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens units of work: resolves tenant and actor, runs the work in a transaction through the host's
 * {@link TransactionRunner}, then publishes the collected events once it has committed. A call made
 * inside a running unit of work joins it.
 */
public final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final EntityManagerFactory emf;
    private final TransactionRunner runner;
    private final CurrentUser currentUser;
    private final TenantResolver tenantResolver;
    private final Clock clock;
    private final AccessGuard guard;
    private final EventPublisher publisher;
    private final Map<Class<?>, Object> extensions;

    public Transactions(EntityManagerFactory emf, TransactionRunner runner, CurrentUser currentUser,
            TenantResolver tenantResolver, Clock clock, AccessGuard guard, EventPublisher publisher) {
        this(emf, runner, currentUser, tenantResolver, clock, guard, publisher, Map.of());
    }

    /**
     * With {@code extensions}: objects plugged in by other modules (a lead assigner…) that services
     * look up by type from inside a unit of work, so core never depends on those modules.
     */
    public Transactions(EntityManagerFactory emf, TransactionRunner runner, CurrentUser currentUser,
            TenantResolver tenantResolver, Clock clock, AccessGuard guard, EventPublisher publisher,
            Map<Class<?>, Object> extensions) {
        this.extensions = Map.copyOf(extensions);
        this.emf = emf;
        this.runner = runner;
        this.currentUser = currentUser;
        this.tenantResolver = tenantResolver;
        this.clock = clock;
        this.guard = guard;
        this.publisher = publisher;
    }

    public <T> T write(Function<UnitOfWork, T> work) {
        return run(null, null, false, work);
    }

    public <T> T read(Function<UnitOfWork, T> work) {
        return run(null, null, true, work);
    }

    /** Runs as the tenant's system actor (jobs, imports, rules, demo data): scope ALL, audited as {@code system}. */
    public <T> T asSystem(String tenantId, Function<UnitOfWork, T> work) {
        return run(tenantId, null, false, work);
    }

    /**
     * Runs as a named user of a tenant, with that user's role and scope, on a thread where the host's
     * current user is not set: background work a user started (an import) keeps who started it.
     */
    public <T> T asUser(String tenantId, String username, Function<UnitOfWork, T> work) {
        if (tenantId == null || username == null || username.isBlank()) {
            throw new AccessDeniedException("access.unauthenticated");
        }
        return run(tenantId, username, false, work);
    }

    public Clock clock() {
        return clock;
    }

    private <T> T run(String fixedTenant, String asUser, boolean readOnly, Function<UnitOfWork, T> work) {
        UnitOfWork joined = UnitOfWork.bound();
        if (joined != null) {
            return work.apply(joined);
        }
        String tenant = fixedTenant != null ? fixedTenant : tenantResolver.currentTenant();
        UnitOfWork[] opened = new UnitOfWork[1];
        T result;
        try {
            result = transaction(tenant, fixedTenant != null && asUser == null, asUser, readOnly, work, opened);
        } catch (OptimisticLockException | StaleStateException e) {
            // Two writers raced without If-Match: the later one loses, as with a stale version.
            throw new ConflictException("record.version.conflict");
        }
        publishAfterCommit(opened[0].events());
        opened[0].afterCommitTasks().forEach(Runnable::run);
        return result;
    }

    private <T> T transaction(String tenant, boolean system, String asUser, boolean readOnly, Function<UnitOfWork, T> work,
            UnitOfWork[] opened) {
        return TenantContext.callAs(tenant, () -> runner.inTransaction(emf, readOnly, em -> {
            Actor actor = system ? Actor.system(tenant)
                    : resolveActor(em, tenant, asUser != null ? asUser : currentUser.username().orElse(null));
            UnitOfWork unit = new UnitOfWork(em, actor, clock, guard, extensions);
            opened[0] = unit;
            UnitOfWork.bind(unit);
            try {
                T value = work.apply(unit);
                em.flush();
                return value;
            } finally {
                UnitOfWork.unbind();
            }
        }));
    }

    private Actor resolveActor(EntityManager em, String tenant, String username) {
        if (username == null || username.isBlank()) {
            throw new AccessDeniedException("access.unauthenticated");
        }
        List<Object[]> rows = em.createQuery("select u.id, u.role, u.teamId, u.officeId from CrmUser u"
                + " where u.username = :username and u.active = true", Object[].class)
                .setParameter("username", username)
                .getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("access.unknown-user");
        }
        Object[] row = rows.get(0);
        return new Actor((UUID) row[0], username, tenant, (Role) row[1], (UUID) row[2], (UUID) row[3], false);
    }

    private void publishAfterCommit(List<CrmEvent> events) {
        for (CrmEvent event : events) {
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                // The change is committed; one failing listener must not hide it from the caller or the others.
                log.warn("Event listener failed for {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
