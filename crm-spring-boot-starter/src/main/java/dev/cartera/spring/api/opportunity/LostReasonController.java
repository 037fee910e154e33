package dev.cartera.spring.api.opportunity;

import dev.cartera.core.opportunity.LostReasonView;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's list of lost reasons: active ones for everyone, retired ones too for the admin ({@code ?all=true}). */
@RestController
@RequestMapping("/lost-reasons")
public class LostReasonController {
    private final PipelineService pipelines;

    public LostReasonController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    public List<LostReasonView> list(@RequestParam(defaultValue = "false") boolean all) {
        return all ? pipelines.allLostReasons() : pipelines.lostReasons();
    }

    @PostMapping
    public ResponseEntity<LostReasonView> add(@Valid @RequestBody Reason reason) {
        LostReasonView added = pipelines.addLostReason(reason.name());
        return Versions.created(added, added.id(), added.version());
    }

    @PutMapping("/{id}")
    public ResponseEntity<LostReasonView> rename(@PathVariable UUID id, @Valid @RequestBody Reason reason,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        LostReasonView renamed = pipelines.renameLostReason(id, Versions.expected(ifMatch), reason.name());
        return ResponseEntity.ok(renamed);
    }

    /** Retires ({@code false}) or restores ({@code true}) a reason. */
    @PutMapping("/{id}/active")
    public LostReasonView active(@PathVariable UUID id, @RequestBody Active active) {
        return pipelines.setLostReasonActive(id, active.active());
    }

    public record Reason(@NotBlank @Size(max = 120) String name) {
    }

    public record Active(boolean active) {
    }
}
