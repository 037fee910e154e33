package dev.cartera.core.team;

import dev.cartera.core.access.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A CRM user as the admin (or the host's user sync) describes it. */
public record UserDraft(
        @NotBlank @Size(max = 100) String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotNull Role role,
        UUID teamId,
        UUID officeId,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String locale) {
}
