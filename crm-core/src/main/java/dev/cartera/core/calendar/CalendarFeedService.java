package dev.cartera.core.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.property.Trigger;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Status;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.SecretTokens;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

/**
 * A per-user iCalendar feed of planned tasks and meetings, at a secret URL the user can
 * revoke. Events carry the firm's time zone (Europe/Madrid unless set), so calendar apps show the
 * right local time all year round.
 */
public final class CalendarFeedService {
    static final Duration HORIZON = Duration.ofDays(120);
    static final Duration DEFAULT_TASK_LENGTH = Duration.ofMinutes(30);

    private final Transactions tx;
    private final ZoneId zone;

    public CalendarFeedService(Transactions tx, ZoneId zone) {
        this.tx = tx;
        this.zone = zone;
    }

    /** A new feed token for the caller; earlier feeds keep working until revoked. Shown once. */
    public String createFeed() {
        return tx.write(work -> {
            UUID user = requireUser(work);
            String token = SecretTokens.newToken(work.tenantId());
            CalendarFeed feed = new CalendarFeed();
            feed.setUserId(user);
            feed.setTokenHash(SecretTokens.hash(token));
            work.em().persist(feed);
            work.audit("CALENDAR_FEED", RecordType.USER, user, null);
            return token;
        });
    }

    /** Revokes every feed of the caller. */
    public int revokeFeeds() {
        return tx.write(work -> {
            UUID user = requireUser(work);
            List<CalendarFeed> feeds = work.em().createQuery("select f from CalendarFeed f where f.userId = :u and f.revokedAt is null", CalendarFeed.class)
                    .setParameter("u", user).getResultList();
            feeds.forEach(f -> f.setRevokedAt(work.now()));
            return feeds.size();
        });
    }

    /** The iCalendar text for a feed token, or empty when the token is unknown, tampered or revoked. */
    public Optional<String> ics(String token) {
        return SecretTokens.tenantOf(token).flatMap(tenant -> tx.asSystem(tenant, work -> work.em()
                .createQuery("select f from CalendarFeed f where f.tokenHash = :h and f.revokedAt is null", CalendarFeed.class)
                .setParameter("h", SecretTokens.hash(token)).getResultStream().findFirst()
                .map(feed -> render(work, feed.getUserId()))));
    }

    private String render(UnitOfWork work, UUID userId) {
        Instant now = work.now();
        List<Activity> planned = work.em().createQuery("select a from Activity a where a.ownerId = :u and a.status = :planned"
                + " and coalesce(a.startAt, a.dueAt) is not null and coalesce(a.startAt, a.dueAt) < :until"
                + " order by coalesce(a.startAt, a.dueAt)", Activity.class)
                .setParameter("u", userId).setParameter("planned", ActivityStatus.PLANNED)
                .setParameter("until", now.plus(HORIZON)).setMaxResults(2_000).getResultList();
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Cartera//CRM//ES");
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        calendar.getTimezoneInfo().setDefaultTimezone(TimezoneComponents.of(zone)
                .map(component -> new TimezoneAssignment(timeZone, component))
                .orElseGet(() -> new TimezoneAssignment(timeZone, zone.getId())));
        for (Activity a : planned) {
            Instant start = a.getStartAt() != null ? a.getStartAt() : a.getDueAt();
            Instant end = a.getEndAt() != null ? a.getEndAt()
                    : start.plus(a.getDurationMinutes() != null ? Duration.ofMinutes(a.getDurationMinutes()) : DEFAULT_TASK_LENGTH);
            VEvent event = new VEvent();
            event.setUid(a.getId() + "@cartera");
            event.setSummary(a.getSubject());
            if (a.getDescription() != null) {
                event.setDescription(a.getDescription());
            }
            event.setDateStart(Date.from(start));
            event.setDateEnd(Date.from(end));
            event.setStatus(a.getType() == ActivityType.MEETING ? Status.confirmed() : Status.tentative());
            event.addCategories(a.getType().name());
            if (a.getRemindAt() != null) {
                event.addAlarm(VAlarm.display(new Trigger(Date.from(a.getRemindAt())), a.getSubject()));
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    private static UUID requireUser(UnitOfWork work) {
        if (work.actor().userId() == null) {
            throw new NotFoundException(RecordType.USER, null);
        }
        return work.actor().userId();
    }
}
