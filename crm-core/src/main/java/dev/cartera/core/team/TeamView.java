package dev.cartera.core.team;

import java.util.UUID;

public record TeamView(UUID id, String name, UUID officeId, UUID managerId) {
    public static TeamView of(Team t) {
        return new TeamView(t.getId(), t.getName(), t.getOfficeId(), t.getManagerId());
    }
}
