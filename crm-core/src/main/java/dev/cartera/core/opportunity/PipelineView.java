package dev.cartera.core.opportunity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public record PipelineView(UUID id, String name, boolean defaultPipeline, List<StageView> stages) {
    public PipelineView {
        stages = List.copyOf(stages);
    }

    public Optional<StageView> stage(UUID stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public StageView firstOpenStage() {
        return stages.stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElseThrow();
    }
}
