package dev.cartera.core.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new pipeline with its stages in order: at least one open, exactly one won and at least one lost stage. */
public record PipelineDraft(@NotBlank @Size(max = 120) String name, @NotEmpty List<@Valid StageDraft> stages) {
    public PipelineDraft {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
