package dev.cartera.spring.api.opportunity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Body of {@code POST /opportunities/{id}/stage}. */
public record StageMove(@NotNull UUID stageId, @Size(max = 500) String lostReason) {
}
