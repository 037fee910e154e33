package dev.cartera.rules;

import java.time.Instant;
import java.util.UUID;

/** An action a rule took or, in a simulation, would take: a task, an alert, an e-mail, a status change, a handover. */
public record PlannedAction(String rule, ActionKind kind, String description, UUID userId, Instant dueAt) {
}
