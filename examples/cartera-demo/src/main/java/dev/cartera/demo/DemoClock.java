package dev.cartera.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * System time, except on a thread that is loading demo data: there it reads the instant the loader
 * set, so records and their stage histories get believable past dates. Requests never see it.
 */
public final class DemoClock extends Clock {
    private final Clock system;
    private final ThreadLocal<Instant> pinned = new ThreadLocal<>();

    public DemoClock(Clock system) {
        this.system = system;
    }

    public static DemoClock systemUtc() {
        return new DemoClock(Clock.systemUTC());
    }

    /** Runs {@code work} with this thread's time pinned at {@code instant}. */
    public <T> T at(Instant instant, Supplier<T> work) {
        Instant previous = pinned.get();
        pinned.set(instant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                pinned.remove();
            } else {
                pinned.set(previous);
            }
        }
    }

    /** Moves this thread's pinned time; only valid inside {@link #at}. */
    public void set(Instant instant) {
        if (pinned.get() == null) {
            throw new IllegalStateException("the clock is not pinned on this thread");
        }
        pinned.set(instant);
    }

    @Override
    public Instant instant() {
        Instant instant = pinned.get();
        return instant != null ? instant : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
