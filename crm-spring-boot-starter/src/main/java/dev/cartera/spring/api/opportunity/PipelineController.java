package dev.cartera.spring.api.opportunity;

import dev.cartera.core.opportunity.PipelineDraft;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageDraft;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pipelines with their stages, the default one first. Everyone reads them; admins create pipelines
 * and add, change, reorder and remove stages (name, probability, time limit, kind, required fields).
 */
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

    @PostMapping
    public ResponseEntity<PipelineView> create(@Valid @RequestBody PipelineDraft draft) {
        PipelineView created = pipelines.create(draft);
        return ResponseEntity.created(org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}").buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping("/{id}/name")
    public PipelineView rename(@PathVariable UUID id, @Valid @RequestBody Name name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return pipelines.rename(id, Versions.expected(ifMatch), name.name());
    }

    @PostMapping("/{id}/default")
    public PipelineView makeDefault(@PathVariable UUID id) {
        return pipelines.makeDefault(id);
    }

    /** {@code position} is 1-based; without it an open stage goes after the last open one, a closing one at the end. */
    @PostMapping("/{id}/stages")
    public ResponseEntity<PipelineView> addStage(@PathVariable UUID id, @RequestParam(required = false) Integer position,
            @Valid @RequestBody StageDraft stage) {
        return ResponseEntity.status(201).body(pipelines.addStage(id, position, stage));
    }

    @PutMapping("/{id}/stages/{stageId}")
    public PipelineView updateStage(@PathVariable UUID id, @PathVariable UUID stageId, @Valid @RequestBody StageDraft stage,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return pipelines.updateStage(stageId, Versions.expected(ifMatch), stage);
    }

    @PutMapping("/{id}/stage-order")
    public PipelineView reorder(@PathVariable UUID id, @Valid @RequestBody StageOrder order) {
        return pipelines.reorderStages(id, order.stageIds());
    }

    /** A stage holding deals needs {@code moveDealsTo}: another stage of the same kind. */
    @DeleteMapping("/{id}/stages/{stageId}")
    public PipelineView removeStage(@PathVariable UUID id, @PathVariable UUID stageId,
            @RequestParam(required = false) UUID moveDealsTo) {
        return pipelines.removeStage(stageId, moveDealsTo);
    }

    public record Name(@NotBlank @Size(max = 120) String name) {
    }

    public record StageOrder(@NotEmpty List<UUID> stageIds) {
    }
}
