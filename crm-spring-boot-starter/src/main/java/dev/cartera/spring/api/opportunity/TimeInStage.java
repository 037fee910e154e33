package dev.cartera.spring.api.opportunity;

import dev.cartera.core.opportunity.StageDuration;
import java.time.Instant;
import java.util.UUID;

/** One stay of a deal in a stage: {@code duration} in ISO-8601 ({@code PT26H}) and whole {@code days}. */
public record TimeInStage(UUID stageId, String stageName, Instant enteredAt, Instant leftAt, String duration, long days) {
    static TimeInStage of(StageDuration d) {
        return new TimeInStage(d.stageId(), d.stageName(), d.enteredAt(), d.leftAt(), d.duration().toString(), d.duration().toDays());
    }
}
