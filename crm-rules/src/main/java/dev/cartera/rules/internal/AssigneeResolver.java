package dev.cartera.rules.internal;

import dev.cartera.rules.Assignee;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.Territory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns an {@link Assignee} into one eligible user, explaining the choice; empty when nobody eligible fits. */
public final class AssigneeResolver {
    private AssigneeResolver() {
    }

    public record Choice(UUID userId, Reason why) {
    }

    public static Optional<Choice> resolve(Assignee a, RecordFact fact, AssignmentContext ctx, List<Reason> reasons) {
        Assignee assignee = a == null ? Assignee.recordOwner() : a;
        return switch (assignee.kind()) {
            case USER -> fixed(assignee.userId(), ctx, reasons);
            case ROUND_ROBIN -> {
                UUID team = team(assignee, fact, ctx);
                Optional<UUID> next = team == null ? Optional.empty() : ctx.nextInTurn(team);
                if (next.isEmpty()) {
                    reasons.add(Reason.of(ReasonCode.ROUND_ROBIN_NOBODY));
                }
                yield next.map(u -> new Choice(u, Reason.of(ReasonCode.ROUND_ROBIN_TURN, ctx.name(u))));
            }
            case LEAST_LOADED -> leastLoaded(team(assignee, fact, ctx), assignee.leadWeightOrDefault(),
                    assignee.dealWeightOrDefault(), ctx, reasons);
            case TERRITORY -> territory(assignee.territories(), fact, ctx, reasons);
            case RETURNING_CUSTOMER -> returning(fact, ctx, reasons);
            case RECORD_OWNER -> {
                UUID owner = fact.getOwnerId();
                if (ctx.eligible(owner)) {
                    yield Optional.of(new Choice(owner, Reason.of(ReasonCode.RECORD_OWNER, ctx.name(owner))));
                }
                reasons.add(owner == null ? Reason.of(ReasonCode.RECORD_OWNER_MISSING)
                        : Reason.of(ReasonCode.RECORD_OWNER_UNAVAILABLE, ctx.name(owner)));
                yield leastLoaded(ctx.teamOf(owner), 1, 2, ctx, reasons);
            }
        };
    }

    private static UUID team(Assignee a, RecordFact fact, AssignmentContext ctx) {
        return a.teamId() != null ? a.teamId() : ctx.teamOf(fact.getOwnerId());
    }

    private static Optional<Choice> fixed(UUID user, AssignmentContext ctx, List<Reason> reasons) {
        if (ctx.eligible(user)) {
            return Optional.of(new Choice(user, Reason.of(ReasonCode.FIXED_USER, ctx.name(user))));
        }
        reasons.add(Reason.of(ReasonCode.FIXED_USER_UNAVAILABLE, ctx.name(user)));
        return Optional.empty();
    }

    /** The eligible rep with the smallest weighted load; ties go to the first in name order, so it is deterministic. */
    public static Optional<Choice> leastLoaded(UUID team, int leadWeight, int dealWeight, AssignmentContext ctx, List<Reason> reasons) {
        List<UUID> eligible = ctx.teamReps(team).stream().map(AssignmentContext.Member::id).filter(ctx::eligible).toList();
        if (eligible.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.LEAST_LOADED_NOBODY));
            return Optional.empty();
        }
        Map<UUID, long[]> loads = ctx.loads(eligible);
        UUID best = eligible.stream()
                .min(Comparator.comparingLong((UUID u) -> load(loads.get(u), leadWeight, dealWeight)))
                .orElseThrow();
        long[] l = loads.get(best);
        return Optional.of(new Choice(best, Reason.of(ReasonCode.LEAST_LOADED, ctx.name(best), l[0], l[1],
                load(l, leadWeight, dealWeight))));
    }

    static long load(long[] counts, int leadWeight, int dealWeight) {
        return counts[0] * leadWeight + counts[1] * dealWeight;
    }

    private static Optional<Choice> territory(List<Territory> table, RecordFact fact, AssignmentContext ctx, List<Reason> reasons) {
        String province = norm(fact.value("province"));
        String postcode = norm(fact.value("postcode"));
        for (Territory t : table) {
            boolean byProvince = t.province() != null && !t.province().isBlank() && norm(t.province()).equals(province);
            boolean byPostcode = t.postcodeFrom() != null && t.postcodeTo() != null && postcode != null
                    && postcode.length() == t.postcodeFrom().strip().length()
                    && postcode.compareTo(norm(t.postcodeFrom())) >= 0 && postcode.compareTo(norm(t.postcodeTo())) <= 0;
            if (byProvince || byPostcode) {
                if (ctx.eligible(t.userId())) {
                    return Optional.of(new Choice(t.userId(), byProvince
                            ? Reason.of(ReasonCode.TERRITORY_PROVINCE, t.province(), ctx.name(t.userId()))
                            : Reason.of(ReasonCode.TERRITORY_POSTCODES, t.postcodeFrom(), t.postcodeTo(), ctx.name(t.userId()))));
                }
                reasons.add(Reason.of(ReasonCode.TERRITORY_OWNER_UNAVAILABLE, ctx.name(t.userId())));
            }
        }
        reasons.add(Reason.of(ReasonCode.TERRITORY_NO_ENTRY, fact.value("province"), fact.value("postcode")));
        return Optional.empty();
    }

    private static Optional<Choice> returning(RecordFact fact, AssignmentContext ctx, List<Reason> reasons) {
        List<UUID> owners = ctx.returningOwners(fact.getRecordId(), fact.value("taxId"), fact.value("email"), fact.value("phone"));
        for (UUID owner : owners) {
            if (ctx.eligible(owner)) {
                return Optional.of(new Choice(owner, Reason.of(ReasonCode.RETURNING_CUSTOMER, ctx.name(owner))));
            }
        }
        reasons.add(Reason.of(owners.isEmpty() ? ReasonCode.NOT_RETURNING_CUSTOMER : ReasonCode.RETURNING_CUSTOMER_REPS_UNAVAILABLE));
        return Optional.empty();
    }

    private static String norm(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
