package dev.cartera.core.spi;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;
import org.hibernate.Session;

/** The default {@link TransactionRunner}: one EntityManager and one JDBC transaction per outermost call. */
public final class ResourceLocalTransactionRunner implements TransactionRunner {
    private static final ThreadLocal<EntityManager> BOUND = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(EntityManagerFactory entityManagerFactory, boolean readOnly, Function<EntityManager, T> work) {
        EntityManager joined = BOUND.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = entityManagerFactory.createEntityManager();
        if (readOnly) {
            em.unwrap(Session.class).setDefaultReadOnly(true);
        }
        BOUND.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            if (readOnly) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            BOUND.remove();
            em.close();
        }
    }
}
