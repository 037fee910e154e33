package dev.cartera.rules.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps automation from feeding itself. Events are delivered on the thread that committed them, so the actions of
 * a rule raise their events inside the rule's own call: this thread-bound chain counts that nesting, stops it at a
 * depth limit, and lets each rule act on each record at most once per chain.
 */
public final class ChainGuard {
    private static final ThreadLocal<Chain> CURRENT = new ThreadLocal<>();

    private static final class Chain {
        int depth;
        final Set<String> fired = new HashSet<>();
    }

    private ChainGuard() {
    }

    /** Enters one more level; false (and nothing entered) when the chain is already {@code maxDepth} deep. */
    public static boolean enter(int maxDepth) {
        Chain chain = CURRENT.get();
        if (chain == null) {
            chain = new Chain();
            CURRENT.set(chain);
        }
        if (chain.depth >= maxDepth) {
            return false;
        }
        chain.depth++;
        return true;
    }

    public static void exit() {
        Chain chain = CURRENT.get();
        if (chain != null && --chain.depth <= 0) {
            CURRENT.remove();
        }
    }

    /** True the first time a key (rule × record) fires in this chain. Outside any chain, always true. */
    public static boolean firstTime(String key) {
        Chain chain = CURRENT.get();
        return chain == null || chain.fired.add(key);
    }

    public static int depth() {
        Chain chain = CURRENT.get();
        return chain == null ? 0 : chain.depth;
    }
}
