package dev.cartera.core.activity;

import java.time.Instant;
import java.util.UUID;

/** Filters for task lists ("my day"): owner, status, due before. */
public record TaskQuery(UUID ownerId, ActivityStatus status, Instant dueBefore) {
}
