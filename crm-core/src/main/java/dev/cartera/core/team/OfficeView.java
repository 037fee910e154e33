package dev.cartera.core.team;

import java.util.UUID;

public record OfficeView(UUID id, String name, String city) {
    public static OfficeView of(Office o) {
        return new OfficeView(o.getId(), o.getName(), o.getCity());
    }
}
