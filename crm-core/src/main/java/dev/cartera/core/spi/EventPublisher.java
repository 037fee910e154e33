package dev.cartera.core.spi;

import dev.cartera.core.event.CrmEvent;

/** Receives every {@link CrmEvent} after the transaction that caused it has committed. */
@FunctionalInterface
public interface EventPublisher {
    EventPublisher NONE = event -> {
    };

    void publish(CrmEvent event);
}
