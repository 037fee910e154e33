package dev.cartera.spring.api.rule;

import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.SampleRecord;
import dev.cartera.rules.Trigger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The request and response bodies of the rules API that are not core views. */
public final class RuleRequests {
    private RuleRequests() {
    }

    /**
     * A draft's structured rules: {@code assignment} rules for the assignment set, {@code automation} rules for the
     * automation set (the other list stays empty). {@code rawDrl} needs the dedicated permission, off by default.
     */
    public record DraftRequest(List<AssignmentRule> assignment, List<AutomationRule> automation,
            @Size(max = 200_000) String rawDrl, @Size(max = 500) String comment) {
        RuleSetContent content() {
            return new RuleSetContent(assignment, automation);
        }
    }

    /** The lead filter of the simulator: like the lead list's, newest first, at most {@code limit} leads. */
    public record LeadFilter(String text, LeadStatus status, String source, UUID ownerId) {
    }

    /**
     * What to simulate, one of: typed-in {@code leads} (assignment); a {@code filter} over real leads with a
     * {@code limit} (assignment; or automation with a lead {@code trigger}); typed-in {@code samples} (automation);
     * real {@code recordIds} with a {@code trigger} (automation).
     */
    public record SimulationRequest(@Valid @Size(max = 1000) List<LeadDraft> leads, LeadFilter filter,
            @Min(1) @Max(1000) Integer limit, @Size(max = 1000) List<SampleRecord> samples, Trigger trigger,
            @Size(max = 1000) List<UUID> recordIds) {
    }

    /** The answer of {@code validate} for a version that may go live. */
    public record ValidationResult(boolean valid, List<RuleTexts.RuleErrorDto> errors) {
    }

    /** Body of {@code PUT /users/{id}/absence}: from (today or later, or earlier) until (inclusive, optional). */
    public record AbsenceRequest(java.time.LocalDate from, java.time.LocalDate until) {
    }

    /** Body of {@code POST /users/{id}/handovers/take-back}. */
    public record TakeBack(@Size(min = 1, max = 500) List<UUID> handoverIds) {
    }
}
