package dev.cartera.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void idsMadeOneAfterAnotherStrictlyIncreaseAsPostgresqlOrdersThem() {
        List<UUID> ids = new ArrayList<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 200_000; i++) {
            ids.add(Ids.newId());
        }
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL compares uuids as unsigned bytes: the most significant half first, then the other.
            int order = Long.compareUnsigned(ids.get(i).getMostSignificantBits(), ids.get(i - 1).getMostSignificantBits());
            assertThat(order).as("id %d after id %d", i, i - 1).isPositive();
        }
        UUID first = ids.get(0);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis() + 1);
        // 200,000 ids in a few milliseconds borrow a little of the future at most.
        assertThat(ids.get(ids.size() - 1).getMostSignificantBits() >>> 16).isLessThan(System.currentTimeMillis() + 100);
    }

    @Test
    void idsMadeOnManyThreadsAtOnceAreAllDifferent() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        seen.add(Ids.newId());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(200_000);
    }
}
