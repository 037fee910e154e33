package dev.cartera.core.team;

import dev.cartera.core.access.Role;
import java.time.LocalDate;
import java.util.UUID;

public record UserView(UUID id, long version, String username, String displayName, String email, Role role,
        UUID teamId, UUID officeId, boolean active, String locale, LocalDate absentFrom, LocalDate absentUntil) {

    public static UserView of(CrmUser u) {
        return new UserView(u.getId(), u.getVersion(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(),
                u.getTeamId(), u.getOfficeId(), u.isActive(), u.getLocale(), u.getAbsentFrom(), u.getAbsentUntil());
    }
}
