package dev.cartera.spring.api.duplicate;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.dedupe.MergeResult;
import dev.cartera.core.lead.LeadDraft;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Duplicates: check a lead before saving it, list a record's likely twins, merge two records. */
@RestController
@RequestMapping("/duplicates")
public class DuplicateController {
    private final DuplicateService duplicates;

    public DuplicateController(DuplicateService duplicates) {
        this.duplicates = duplicates;
    }

    /** Likely duplicates of a lead as typed (e-mail, phone, tax id, fuzzy names), best first. */
    @PostMapping("/check")
    public List<DuplicateCandidate> check(@RequestBody LeadDraft draft) {
        return duplicates.candidates(draft.probe());
    }

    @GetMapping("/{type}/{id}")
    public List<DuplicateCandidate> of(@PathVariable RecordType type, @PathVariable UUID id) {
        return duplicates.duplicatesOf(type, id);
    }

    /** Moves everything of the duplicate to the survivor and retires the duplicate; audited. */
    @PostMapping("/merge")
    public MergeResult merge(@RequestBody Merge merge) {
        return duplicates.merge(merge.type(), merge.survivorId(), merge.duplicateId());
    }

    public record Merge(@NotNull RecordType type, @NotNull UUID survivorId, @NotNull UUID duplicateId) {
    }
}
