package dev.cartera.core.spi;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * Runs one unit of work in a transaction. A call made while a transaction is already running on the
 * thread joins it. The default is resource-local JPA; a host may plug in its own transaction manager.
 */
public interface TransactionRunner {
    <T> T inTransaction(EntityManagerFactory entityManagerFactory, boolean readOnly, Function<EntityManager, T> work);
}
