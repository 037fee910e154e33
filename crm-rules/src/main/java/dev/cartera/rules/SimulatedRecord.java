package dev.cartera.rules;

import java.util.List;
import java.util.UUID;

/**
 * What a rule set does with one record: the rules whose criteria matched (in order), who would get it
 * (assignment) and which rule decided, the actions that would happen (automation), and why, step by step.
 */
public record SimulatedRecord(String label, UUID recordId, List<String> matchedRules, String decidedBy, UUID assigneeId,
        String assigneeUsername, List<PlannedAction> actions, List<Reason> reasons) {
}
