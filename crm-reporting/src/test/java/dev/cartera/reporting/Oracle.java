package dev.cartera.reporting;

import dev.cartera.core.activity.ActivityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Straightforward Java over a {@link Dataset}: what every report must add up to. */
final class Oracle {
    final Dataset data;
    final Predicate<Integer> visible;
    final ZoneId zone;

    Oracle(Dataset data, Viewer viewer, ZoneId zone) {
        this.data = data;
        this.visible = viewer::sees;
        this.zone = zone;
    }

    /** Who looks: which owner slots (rep, rep2, rep3, manager, director, nobody) they see. */
    enum Viewer {
        REP("rep", Set.of(0)), MANAGER("manager", Set.of(0, 1, 3, 5)), DIRECTOR("director", Set.of(0, 1, 2, 3, 4, 5));

        final String username;
        final Set<Integer> slots;

        Viewer(String username, Set<Integer> slots) {
            this.username = username;
            this.slots = slots;
        }

        boolean sees(int slot) {
            return slots.contains(slot);
        }
    }

    LocalDate day(Instant i) {
        return i.atZone(zone).toLocalDate();
    }

    boolean in(Instant i, DateRange r) {
        return i != null && r.contains(day(i));
    }

    /** The measure's value over the visible records whose instant falls in the range, optionally for one owner slot. */
    BigDecimal measure(Measure m, DateRange range, Integer onlySlot) {
        BigDecimal total = BigDecimal.ZERO;
        switch (m.subject()) {
            case OPPORTUNITY -> {
                for (Dataset.Deal d : data.deals()) {
                    if (!visible.test(d.owner()) || (onlySlot != null && d.owner() != onlySlot)) {
                        continue;
                    }
                    Instant at;
                    boolean ok;
                    switch (m) {
                        case REVENUE_WON, DEALS_WON -> {
                            at = d.closedAt();
                            ok = d.outcome() == Dataset.Outcome.WON;
                        }
                        case DEALS_LOST -> {
                            at = d.closedAt();
                            ok = d.outcome() == Dataset.Outcome.LOST;
                        }
                        default -> {
                            at = d.createdAt();
                            ok = true;
                        }
                    }
                    if (ok && in(at, range)) {
                        total = total.add(m.isAmount() ? d.amount() : BigDecimal.ONE);
                    }
                }
            }
            case LEAD -> {
                for (Dataset.LeadRec l : data.leads()) {
                    if (!visible.test(l.owner()) || (onlySlot != null && l.owner() != onlySlot)) {
                        continue;
                    }
                    Instant at = m == Measure.LEADS_CREATED ? l.createdAt() : l.convertedAt();
                    if (in(at, range)) {
                        total = total.add(BigDecimal.ONE);
                    }
                }
            }
            case ACTIVITY -> {
                for (Dataset.Act a : data.activities()) {
                    if (!visible.test(a.owner()) || (onlySlot != null && a.owner() != onlySlot) || !"DONE".equals(a.status())) {
                        continue;
                    }
                    boolean type = switch (m) {
                        case CALLS -> a.type() == ActivityType.CALL;
                        case EMAILS -> a.type() == ActivityType.EMAIL;
                        case MEETINGS -> a.type() == ActivityType.MEETING;
                        case VISITS -> a.type() == ActivityType.VISIT;
                        default -> true;
                    };
                    if (type && in(a.at(), range)) {
                        total = total.add(BigDecimal.ONE);
                    }
                }
            }
            default -> {
            }
        }
        return total;
    }

    BigDecimal month(Measure m, YearMonth month) {
        return measure(m, DateRange.month(month), null);
    }

    record PipelineFigures(long deals, BigDecimal amount, BigDecimal weighted) {
    }

    Map<Integer, PipelineFigures> pipeline(Map<Integer, Integer> probabilityByPosition) {
        Map<Integer, PipelineFigures> out = new TreeMap<>();
        for (Dataset.Deal d : data.deals()) {
            if (d.outcome() != Dataset.Outcome.OPEN || !visible.test(d.owner())) {
                continue;
            }
            int p = d.reached();
            PipelineFigures f = out.getOrDefault(p, new PipelineFigures(0, BigDecimal.ZERO, BigDecimal.ZERO));
            BigDecimal w = d.amount().multiply(BigDecimal.valueOf(probabilityByPosition.get(p))).movePointLeft(2);
            out.put(p, new PipelineFigures(f.deals() + 1, f.amount().add(d.amount()), f.weighted().add(w)));
        }
        return out;
    }

    record WinFigures(long won, long lost, BigDecimal wonAmount, BigDecimal cycleDays) {
    }

    /** Per owner slot (-1 for the total). */
    Map<Integer, WinFigures> winRate(DateRange range, boolean byOwner) {
        Map<Integer, long[]> counts = new HashMap<>();
        Map<Integer, BigDecimal[]> sums = new HashMap<>();
        for (Dataset.Deal d : data.deals()) {
            if (d.outcome() == Dataset.Outcome.OPEN || !visible.test(d.owner()) || !in(d.closedAt(), range)) {
                continue;
            }
            int key = byOwner ? d.owner() : -1;
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (d.outcome() == Dataset.Outcome.WON) {
                c[0]++;
                s[0] = s[0].add(d.amount());
                s[1] = s[1].add(BigDecimal.valueOf(d.closedAt().getEpochSecond() - d.createdAt().getEpochSecond()));
            } else {
                c[1]++;
            }
        }
        Map<Integer, WinFigures> out = new HashMap<>();
        counts.forEach((k, c) -> out.put(k, new WinFigures(c[0], c[1], sums.get(k)[0],
                c[0] == 0 ? null : sums.get(k)[1].divide(BigDecimal.valueOf(86_400L * c[0]), 2, RoundingMode.HALF_UP))));
        return out;
    }

    /** Deals created in the range reaching each position (1..4). */
    Map<Integer, Long> funnel(DateRange range) {
        Map<Integer, Long> out = new TreeMap<>();
        for (int p = 1; p <= 4; p++) {
            out.put(p, 0L);
        }
        for (Dataset.Deal d : data.deals()) {
            if (!visible.test(d.owner()) || !in(d.createdAt(), range)) {
                continue;
            }
            int reached = d.outcome() == Dataset.Outcome.WON ? 4 : d.reached();
            for (int p = 1; p <= reached; p++) {
                out.merge(p, 1L, Long::sum);
            }
        }
        return out;
    }

    record Durations(long visits, BigDecimal seconds, long overLimit, long stuck) {
    }

    Map<Integer, Durations> stageDurations(DateRange range, Map<Integer, Integer> limitDays, Instant now) {
        Map<Integer, Durations> out = new TreeMap<>();
        for (int p = 1; p <= 3; p++) {
            out.put(p, new Durations(0, BigDecimal.ZERO, 0, 0));
        }
        for (Dataset.Deal d : data.deals()) {
            if (!visible.test(d.owner())) {
                continue;
            }
            List<Instant> times = d.changes();
            List<Integer> positions = d.positions();
            for (int i = 0; i < times.size(); i++) {
                int p = positions.get(i);
                if (p > 3 || !in(times.get(i), range)) {
                    continue;
                }
                boolean current = i == times.size() - 1;
                long secs = (current ? now : times.get(i + 1)).getEpochSecond() - times.get(i).getEpochSecond();
                Integer limit = limitDays.get(p);
                boolean over = limit != null && secs > limit * 86_400L;
                Durations f = out.get(p);
                out.put(p, new Durations(f.visits() + 1, f.seconds().add(BigDecimal.valueOf(secs)), f.overLimit() + (over ? 1 : 0),
                        f.stuck() + (over && current ? 1 : 0)));
            }
        }
        return out;
    }

    /** Per owner slot: won deals and done activities by type in the range. */
    Map<Integer, long[]> interactions(DateRange range) {
        Map<Integer, long[]> out = new HashMap<>();
        for (Dataset.Deal d : data.deals()) {
            if (visible.test(d.owner()) && d.outcome() == Dataset.Outcome.WON && in(d.closedAt(), range)) {
                out.computeIfAbsent(d.owner(), k -> new long[1 + ActivityType.values().length])[0]++;
            }
        }
        for (Dataset.Act a : data.activities()) {
            if (visible.test(a.owner()) && "DONE".equals(a.status()) && in(a.at(), range)) {
                out.computeIfAbsent(a.owner(), k -> new long[1 + ActivityType.values().length])[1 + a.type().ordinal()]++;
            }
        }
        return out;
    }

    record SourceFigures(long leads, long converted, long won, BigDecimal revenue) {
    }

    Map<String, SourceFigures> sources(DateRange range) {
        Map<String, SourceFigures> out = new HashMap<>();
        for (Dataset.LeadRec l : data.leads()) {
            if (visible.test(l.owner()) && in(l.createdAt(), range)) {
                SourceFigures f = out.getOrDefault(String.valueOf(l.source()), new SourceFigures(0, 0, 0, BigDecimal.ZERO));
                out.put(String.valueOf(l.source()), new SourceFigures(f.leads() + 1, f.converted() + (l.converted() ? 1 : 0), f.won(), f.revenue()));
            }
        }
        for (Dataset.Deal d : data.deals()) {
            if (visible.test(d.owner()) && d.outcome() == Dataset.Outcome.WON && in(d.closedAt(), range)) {
                SourceFigures f = out.getOrDefault(String.valueOf(d.source()), new SourceFigures(0, 0, 0, BigDecimal.ZERO));
                out.put(String.valueOf(d.source()), new SourceFigures(f.leads(), f.converted(), f.won() + 1, f.revenue().add(d.amount())));
            }
        }
        return out;
    }

    /** Revenue won per account index in the range, and its monthly series. */
    Map<Integer, BigDecimal[]> accountMonths(DateRange range) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(range.from()); !m.isAfter(YearMonth.from(range.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<Integer, BigDecimal[]> out = new HashMap<>();
        for (Dataset.Deal d : data.deals()) {
            if (visible.test(d.owner()) && d.outcome() == Dataset.Outcome.WON && d.account() < 3 && in(d.closedAt(), range)) {
                BigDecimal[] s = out.computeIfAbsent(d.account(), k -> {
                    BigDecimal[] z = new BigDecimal[months.size()];
                    java.util.Arrays.fill(z, BigDecimal.ZERO);
                    return z;
                });
                int i = months.indexOf(YearMonth.from(day(d.closedAt())));
                s[i] = s[i].add(d.amount());
            }
        }
        return out;
    }

    static String n(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
