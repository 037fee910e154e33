package dev.cartera.spring.api.opportunity;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.StageChangeView;
import dev.cartera.core.opportunity.StuckDeal;
import dev.cartera.core.Cartera;
import java.time.Clock;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
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

/** Deals: create, edit, move through the pipeline, win or lose, and their stage history. */
@RestController
@RequestMapping("/opportunities")
public class OpportunityController {
    private final OpportunityService opportunities;
    private final Clock clock;

    public OpportunityController(OpportunityService opportunities, Cartera cartera) {
        this.opportunities = opportunities;
        this.clock = cartera.transactions().clock();
    }

    @GetMapping
    public ApiPage<OpportunityView> search(@RequestParam(required = false) String text,
            @RequestParam(required = false) OpportunityStatus status, @RequestParam(required = false) UUID pipelineId,
            @RequestParam(required = false) UUID stageId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) UUID accountId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        OpportunityQuery query = new OpportunityQuery(text, status, pipelineId, stageId, ownerId, accountId);
        return ApiPage.of(opportunities.search(query, new PageRequest(page, size)));
    }

    @PostMapping
    public ResponseEntity<OpportunityView> create(@Valid @RequestBody OpportunityDraft draft) {
        OpportunityView opportunity = opportunities.create(draft);
        return Versions.created(opportunity, opportunity.id(), opportunity.version());
    }

    @GetMapping("/{id}")
    public ResponseEntity<OpportunityView> get(@PathVariable UUID id) {
        OpportunityView opportunity = opportunities.get(id);
        return Versions.ok(opportunity, opportunity.version());
    }

    @PutMapping("/{id}")
    public ResponseEntity<OpportunityView> update(@PathVariable UUID id, @Valid @RequestBody OpportunityDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = opportunities.update(id, Versions.expected(ifMatch), draft);
        return Versions.ok(updated, updated.version());
    }

    /** Moving to the pipeline's won or lost stage closes the deal; a lost stage needs {@code lostReason}. */
    @PostMapping("/{id}/stage")
    public ResponseEntity<OpportunityView> moveToStage(@PathVariable UUID id, @Valid @RequestBody StageMove move,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = opportunities.moveToStage(id, Versions.expected(ifMatch), move.stageId(), move.lostReason());
        return Versions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/won")
    public ResponseEntity<OpportunityView> won(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = opportunities.markWon(id, Versions.expected(ifMatch));
        return Versions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/lost")
    public ResponseEntity<OpportunityView> lost(@PathVariable UUID id, @Valid @RequestBody Loss loss,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = opportunities.markLost(id, Versions.expected(ifMatch), loss.reason());
        return Versions.ok(updated, updated.version());
    }

    /** Every stay of the deal in a stage with how long it lasted; the current one counts until now. */
    @GetMapping("/{id}/time-in-stages")
    public List<TimeInStage> timeInStages(@PathVariable UUID id) {
        return opportunities.timeInStages(id, clock.instant()).stream().map(TimeInStage::of).toList();
    }

    /** Open deals past their stage's time limit, most overdue first. */
    @GetMapping("/stuck")
    public List<StuckDeal> stuck() {
        return opportunities.stuckDeals(clock.instant());
    }

    @GetMapping("/{id}/history")
    public List<StageChangeView> history(@PathVariable UUID id) {
        return opportunities.history(id);
    }
}
