package dev.cartera.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * An action a rule took or, in a simulation, would take: a task, an alert, an e-mail, a status change, a handover;
 * {@code detail} says what exactly, as a {@link Reason} the UI and the API put into the reader's language.
 */
public record PlannedAction(String rule, ActionKind kind, Reason detail, UUID userId, Instant dueAt) {
}
