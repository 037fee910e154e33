package dev.cartera.core.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.ByDay;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.List;
import java.util.Optional;

/**
 * A VTIMEZONE built from the JDK's own zone rules (no download), so calendar apps that need the
 * definition (Outlook) get one. Covers zones with yearly "n-th or last weekday" rules, as Spain's.
 */
final class TimezoneComponents {
    private TimezoneComponents() {
    }

    static Optional<VTimezone> of(ZoneId zone) {
        List<ZoneOffsetTransitionRule> rules = zone.getRules().getTransitionRules();
        VTimezone component = new VTimezone(zone.getId());
        if (rules.isEmpty()) {
            ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.EPOCH);
            StandardTime fixed = new StandardTime();
            fixed.setDateStart(new ICalDate(java.util.Date.from(java.time.Instant.EPOCH), false));
            fixed.setTimezoneOffsetFrom(utc(offset));
            fixed.setTimezoneOffsetTo(utc(offset));
            component.addStandardTime(fixed);
            return Optional.of(component);
        }
        for (ZoneOffsetTransitionRule rule : rules) {
            Optional<ByDay> byDay = byDay(rule);
            if (byDay.isEmpty()) {
                return Optional.empty();
            }
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
            Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
            LocalDateTime start = rule.createTransition(1970).getDateTimeBefore();
            observance.setDateStart(new biweekly.util.DateTimeComponents(start.getYear(), start.getMonthValue(),
                    start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond(), false));
            observance.setTimezoneOffsetFrom(utc(rule.getOffsetBefore()));
            observance.setTimezoneOffsetTo(utc(rule.getOffsetAfter()));
            observance.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY)
                    .byMonth(rule.getMonth().getValue()).byDay(byDay.get().getNum(), byDay.get().getDay()).build());
            if (daylight) {
                component.addDaylightSavingsTime((DaylightSavingsTime) observance);
            } else {
                component.addStandardTime((StandardTime) observance);
            }
        }
        return Optional.of(component);
    }

    private static Optional<ByDay> byDay(ZoneOffsetTransitionRule rule) {
        DayOfWeek day = DayOfWeek.valueOfAbbr(rule.getDayOfWeek().name().substring(0, 2));
        int dom = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return Optional.empty();
        }
        Month month = rule.getMonth();
        if (dom == month.maxLength() - 6 || dom == -1) {
            return Optional.of(new ByDay(-1, day));
        }
        if (dom > 0 && (dom - 1) % 7 == 0) {
            return Optional.of(new ByDay((dom - 1) / 7 + 1, day));
        }
        return Optional.empty();
    }

    private static UtcOffset utc(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
