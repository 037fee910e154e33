package dev.cartera.rules;

import dev.cartera.core.access.Actor;
import java.util.function.Predicate;

/**
 * Host settings of the rules module.
 *
 * <p>{@code rawDrl} decides who may save raw DRL beside the structured rules. It is off for everybody by default:
 * DRL is a programming language whose rule bodies run arbitrary Java inside the host's JVM (files, network,
 * {@code System.exit}), so whoever writes it holds the host's full power, across tenants. Grant it only to the
 * host's own developers, never to a tenant's admin. Structured rules need no such trust: their values never
 * become code.
 *
 * <p>{@code maxChainDepth} bounds how deep automation may trigger automation (an action's event firing further
 * rules); each rule also acts at most once per record within one chain.
 */
public record RulesOptions(Predicate<Actor> rawDrl, int maxChainDepth) {
    public RulesOptions {
        if (rawDrl == null) {
            rawDrl = actor -> false;
        }
        if (maxChainDepth < 1) {
            throw new IllegalArgumentException("maxChainDepth must be at least 1");
        }
    }

    public static RulesOptions defaults() {
        return new RulesOptions(actor -> false, 3);
    }

    public RulesOptions withRawDrl(Predicate<Actor> who) {
        return new RulesOptions(who, maxChainDepth);
    }

    public RulesOptions withMaxChainDepth(int depth) {
        return new RulesOptions(rawDrl, depth);
    }
}
