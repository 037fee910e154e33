package dev.cartera.spring.api.opportunity;

import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.opportunity.PipelineView;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pipelines with their stages, read-only here; the default one comes first. */
@RestController
@RequestMapping("/pipelines")
public class PipelineController {
    private final PipelineService pipelines;

    public PipelineController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    public List<PipelineView> list() {
        return pipelines.list();
    }

    @GetMapping("/{id}")
    public PipelineView get(@PathVariable UUID id) {
        return pipelines.get(id);
    }
}
