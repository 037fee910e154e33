package dev.cartera.demo.seed;

import dev.cartera.core.Cartera;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.demo.DemoClock;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A tenant's story as dated steps. Generators schedule what happened when; {@link #play} runs the
 * steps in date order with the clock pinned at each step's date, a few hundred per transaction, so
 * every created-at, stage change and completion carries its past date and records appear in the
 * order they would have. A step that depends on an earlier one (a deal's move needs the deal) reads
 * the earlier step's result from a shared holder; it is always scheduled strictly later.
 */
final class DemoTimeline {
    private static final int STEPS_PER_TRANSACTION = 250;

    private record Step(Instant at, int sequence, Consumer<Cartera> action) {
    }

    private final Instant now;
    private final List<Step> steps = new ArrayList<>();

    DemoTimeline(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /** Schedules a step; one dated after "now" never happened and is dropped. Returns whether it was kept. */
    boolean at(Instant at, Consumer<Cartera> action) {
        if (at.isAfter(now)) {
            return false;
        }
        steps.add(new Step(at, steps.size(), action));
        return true;
    }

    int size() {
        return steps.size();
    }

    void play(Cartera cartera, DemoClock clock, String tenant) {
        List<Step> ordered = steps.stream()
                .sorted(Comparator.comparing(Step::at).thenComparingInt(Step::sequence))
                .toList();
        for (int from = 0; from < ordered.size(); from += STEPS_PER_TRANSACTION) {
            List<Step> chunk = ordered.subList(from, Math.min(from + STEPS_PER_TRANSACTION, ordered.size()));
            clock.at(chunk.get(0).at(), () -> cartera.asSystem(tenant, crm -> {
                for (Step step : chunk) {
                    clock.set(step.at());
                    step.action().accept(crm);
                    // Hibernate orders a flush's inserts by entity type; rows that only refer to each other by id
                    // (a stage change and its new deal) must not be regrouped across steps. Clearing keeps each
                    // flush's dirty check small: no step holds on to another step's entities.
                    EntityManager em = UnitOfWork.current().em();
                    em.flush();
                    em.clear();
                }
                return null;
            }));
        }
    }
}
