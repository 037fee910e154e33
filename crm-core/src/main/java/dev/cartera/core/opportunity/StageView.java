package dev.cartera.core.opportunity;

import java.util.UUID;

public record StageView(UUID id, String name, int position, int probability, Integer timeLimitDays, StageKind kind) {
    public static StageView of(Stage s) {
        return new StageView(s.getId(), s.getName(), s.getPosition(), s.getProbability(), s.getTimeLimitDays(), s.getKind());
    }
}
