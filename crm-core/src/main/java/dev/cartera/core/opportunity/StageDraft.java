package dev.cartera.core.opportunity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A stage as an admin configures it: name, win probability, time limit in days, kind and required fields. */
public record StageDraft(
        @NotBlank @Size(max = 120) String name,
        @Min(0) @Max(100) int probability,
        @Min(1) @Max(3650) Integer timeLimitDays,
        @NotNull StageKind kind,
        Set<DealField> requiredFields) {

    public StageDraft {
        requiredFields = requiredFields == null ? Set.of() : Set.copyOf(requiredFields);
    }

    public static StageDraft open(String name, int probability, Integer timeLimitDays) {
        return new StageDraft(name, probability, timeLimitDays, StageKind.OPEN, Set.of());
    }

    public static StageDraft won(String name) {
        return new StageDraft(name, 100, null, StageKind.WON, Set.of());
    }

    public static StageDraft lost(String name) {
        return new StageDraft(name, 0, null, StageKind.LOST, Set.of());
    }

    public StageDraft requiring(DealField... fields) {
        return new StageDraft(name, probability, timeLimitDays, kind, Set.of(fields));
    }
}
