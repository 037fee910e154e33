package dev.cartera.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task handed from an absent user to a colleague; OFFERED until the user takes it back or leaves it. */
public record HandoverView(UUID id, UUID taskId, String taskSubject, UUID fromUserId, UUID toUserId, LocalDate absentFrom,
        LocalDate absentUntil, Instant handedAt, String state) {
}
