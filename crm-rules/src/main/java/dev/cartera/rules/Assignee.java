package dev.cartera.rules;

import java.util.List;
import java.util.UUID;

/**
 * Who a rule gives the lead or task to. For {@link AssigneeKind#ROUND_ROBIN} and {@link AssigneeKind#LEAST_LOADED}
 * a missing team means the team of the record's owner (automation). Least-loaded weighs open leads and open deals
 * (defaults 1 and 2: a deal takes more work than a lead).
 */
public record Assignee(AssigneeKind kind, UUID userId, UUID teamId, Integer leadWeight, Integer dealWeight,
        List<Territory> territories) {
    public Assignee {
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    public static Assignee user(UUID userId) {
        return new Assignee(AssigneeKind.USER, userId, null, null, null, null);
    }

    public static Assignee roundRobin(UUID teamId) {
        return new Assignee(AssigneeKind.ROUND_ROBIN, null, teamId, null, null, null);
    }

    public static Assignee leastLoaded(UUID teamId) {
        return new Assignee(AssigneeKind.LEAST_LOADED, null, teamId, null, null, null);
    }

    public static Assignee leastLoaded(UUID teamId, int leadWeight, int dealWeight) {
        return new Assignee(AssigneeKind.LEAST_LOADED, null, teamId, leadWeight, dealWeight, null);
    }

    public static Assignee territory(List<Territory> table) {
        return new Assignee(AssigneeKind.TERRITORY, null, null, null, null, table);
    }

    public static Assignee returningCustomer() {
        return new Assignee(AssigneeKind.RETURNING_CUSTOMER, null, null, null, null, null);
    }

    public static Assignee recordOwner() {
        return new Assignee(AssigneeKind.RECORD_OWNER, null, null, null, null, null);
    }

    public int leadWeightOrDefault() {
        return leadWeight == null ? 1 : leadWeight;
    }

    public int dealWeightOrDefault() {
        return dealWeight == null ? 2 : dealWeight;
    }
}
