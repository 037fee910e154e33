package dev.cartera.core.opportunity;

import java.util.Set;
import java.util.UUID;

public record StageView(UUID id, String name, int position, int probability, Integer timeLimitDays, StageKind kind,
        Set<DealField> requiredFields) {
    public StageView {
        requiredFields = Set.copyOf(requiredFields);
    }

    public static StageView of(Stage s) {
        return new StageView(s.getId(), s.getName(), s.getPosition(), s.getProbability(), s.getTimeLimitDays(), s.getKind(),
                s.getRequiredFields());
    }
}
