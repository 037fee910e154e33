package dev.cartera.core.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record ContactDraft(
        UUID accountId,
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 150) String lastName,
        @Size(max = 120) String jobTitle,
        @Email @Size(max = 254) String email,
        @Size(max = 30) String phone,
        @Size(max = 30) String mobile,
        @Pattern(regexp = "[a-z]{2}") String language,
        UUID ownerId,
        @Size(max = 4000) String notes) {
}
