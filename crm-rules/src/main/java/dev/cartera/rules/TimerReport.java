package dev.cartera.rules;

import java.util.List;

/** What one {@code runTimers} pass did for a tenant. */
public record TimerReport(String tenantId, int recordsChecked, List<PlannedAction> actions) {
    public long count(ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind).count();
    }
}
