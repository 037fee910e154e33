package dev.cartera.core.event;

import java.time.Instant;

/** Something that happened in the CRM, in the past tense. Published after commit. */
public interface CrmEvent {
    String tenantId();

    Instant occurredAt();

    /** The user name of whoever caused it, or {@code system}. */
    String actor();
}
