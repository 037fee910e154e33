package dev.cartera.core.access;

/** Which records an allowed action reaches, by their owner. Ordered from narrowest to widest. */
public enum Scope {
    NONE, OWN, TEAM, OFFICE, ALL;

    public boolean covers(Scope other) {
        return compareTo(other) >= 0;
    }
}
