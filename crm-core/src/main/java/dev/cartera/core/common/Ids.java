package dev.cartera.core.common;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new rows land at the end of the primary-key index. Within one JVM
 * they strictly increase (RFC 9562 §6.2, method 3: the 12 bits after the millisecond count up within a
 * millisecond, from a random start, and borrow the next millisecond when they run out), so rows made in one
 * transaction — which share their creation time — are still ordered as they were made ("newest first" sorts
 * by creation time, then id).
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7L << 12;
    /** The last id's most significant half: 48 bits of milliseconds, the version, 12 bits of sequence. */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        long now = System.currentTimeMillis() << 16 | VERSION_7;
        // A random start below half the sequence's range leaves room to count up within the millisecond.
        long fresh = now | RANDOM.nextInt(1 << 11);
        long msb = LAST.accumulateAndGet(fresh, (last, candidate) -> candidate > last ? candidate : next(last));
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static long next(long last) {
        long sequence = last & 0xFFF;
        return sequence < 0xFFF ? last + 1 : ((last >>> 16) + 1) << 16 | VERSION_7;
    }
}
