package dev.cartera.reporting;

import dev.cartera.core.activity.ActivityType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Generated CRM history for the report oracles: deals with their stage path and outcome, activities
 * and leads, owned by the fixture's people (or nobody), on dates from 2024 (a leap year) to mid 2026,
 * many of them in the last hours of a month so that the report time zone matters.
 */
record Dataset(List<Deal> deals, List<Act> activities, List<LeadRec> leads) {
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    static final List<String> SOURCES = List.of("web", "referral", "fair", "");
    /** Owner slots: rep, rep2, rep3, manager, director, unassigned. */
    static final int OWNERS = 6;

    enum Outcome { OPEN, WON, LOST }

    /** A deal: it enters open stages 1..reached one after another, then maybe closes; gaps in seconds. */
    record Deal(int owner, BigDecimal amount, String source, Instant createdAt, int reached, Outcome outcome, List<Long> gaps,
            int account, String lostReason) {
        List<Instant> changes() {
            List<Instant> times = new ArrayList<>();
            Instant t = createdAt;
            times.add(t);
            int steps = reached - 1 + (outcome == Outcome.OPEN ? 0 : 1);
            for (int i = 0; i < steps; i++) {
                t = t.plusSeconds(gaps.get(i));
                times.add(t);
            }
            return times;
        }

        Instant closedAt() {
            if (outcome == Outcome.OPEN) {
                return null;
            }
            List<Instant> c = changes();
            return c.get(c.size() - 1);
        }

        /** Positions entered in order: 1..reached, then 4 (won) or 5 (lost). */
        List<Integer> positions() {
            List<Integer> p = new ArrayList<>();
            for (int i = 1; i <= reached; i++) {
                p.add(i);
            }
            if (outcome == Outcome.WON) {
                p.add(4);
            } else if (outcome == Outcome.LOST) {
                p.add(5);
            }
            return p;
        }
    }

    record Act(int owner, ActivityType type, String status, Instant at, Instant dueAt) {
    }

    record LeadRec(int owner, String source, Instant createdAt, boolean converted, long convertGap) {
        Instant convertedAt() {
            return converted ? createdAt.plusSeconds(convertGap) : null;
        }
    }

    static Arbitrary<Instant> instants() {
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 820).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
        Arbitrary<LocalDate> monthEnds = Arbitraries.integers().between(0, 26)
                .map(m -> LocalDate.of(2024, 1, 1).plusMonths(m).plusMonths(1).minusDays(1));
        Arbitrary<LocalDate> leapDays = Arbitraries.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 28), LocalDate.of(2025, 2, 28),
                LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1));
        Arbitrary<LocalDate> date = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, days), net.jqwik.api.Tuple.of(3, monthEnds), net.jqwik.api.Tuple.of(1, leapDays));
        Arbitrary<Integer> second = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 86_399)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(79_200, 86_399)));
        return Combinators.combine(date, second).as((d, s) -> d.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(s));
    }

    static Arbitrary<Deal> anyDeal() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("90000")).ofScale(2);
        return Builders.withBuilder(() -> new Object[9])
                .use(Arbitraries.integers().between(0, OWNERS - 1)).in((a, v) -> set(a, 0, v))
                .use(amounts).in((a, v) -> set(a, 1, v))
                .use(sources()).in((a, v) -> set(a, 2, v))
                .use(instants()).in((a, v) -> set(a, 3, v))
                .use(Arbitraries.integers().between(1, 3)).in((a, v) -> set(a, 4, v))
                .use(Arbitraries.of(Outcome.class)).in((a, v) -> set(a, 5, v))
                .use(Arbitraries.longs().between(60, 20L * 86_400).list().ofSize(4)).in((a, v) -> set(a, 6, v))
                .use(Arbitraries.integers().between(0, 3)).in((a, v) -> set(a, 7, v))
                .use(Arbitraries.of("price", "competitor", "timing")).in((a, v) -> set(a, 8, v))
                .build(a -> new Deal((int) a[0], (BigDecimal) a[1], (String) a[2], (Instant) a[3], (int) a[4], (Outcome) a[5],
                        (List<Long>) a[6], (int) a[7], (String) a[8]));
    }

    static Arbitrary<Act> anyActivity() {
        return Combinators.combine(Arbitraries.integers().between(0, OWNERS - 1), Arbitraries.of(ActivityType.class),
                Arbitraries.of("DONE", "DONE", "PLANNED", "CANCELLED"), instants(), Arbitraries.integers().between(-20, 20))
                .as((owner, type, status, at, dueDays) -> new Act(owner, type, status, at,
                        "PLANNED".equals(status) ? NOW.plusSeconds(dueDays * 86_400L) : null));
    }

    static Arbitrary<LeadRec> anyLead() {
        return Combinators.combine(Arbitraries.integers().between(0, OWNERS - 1), sources(), instants(),
                Arbitraries.of(true, false), Arbitraries.longs().between(3_600, 30L * 86_400))
                .as(LeadRec::new);
    }

    static Arbitrary<Dataset> datasets() {
        return Combinators.combine(anyDeal().list().ofMaxSize(30), anyActivity().list().ofMaxSize(40), anyLead().list().ofMaxSize(20))
                .as(Dataset::new);
    }

    static Arbitrary<String> sources() {
        return Arbitraries.of(SOURCES).map(s -> s.isEmpty() ? null : s);
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }
}
