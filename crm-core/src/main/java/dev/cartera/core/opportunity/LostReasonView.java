package dev.cartera.core.opportunity;

import java.util.UUID;

public record LostReasonView(UUID id, long version, String name, int position, boolean active) {
    static LostReasonView of(LostReason r) {
        return new LostReasonView(r.getId(), r.getVersion(), r.getName(), r.getPosition(), r.isActive());
    }
}
