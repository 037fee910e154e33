package dev.cartera.core.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One stay of a deal in a stage: when it entered and left, and how long it stayed. The current
 * stage of an open deal has no {@code leftAt} and counts until now; a won or lost stage counts zero.
 */
public record StageDuration(UUID stageId, String stageName, Instant enteredAt, Instant leftAt, Duration duration) {
}
