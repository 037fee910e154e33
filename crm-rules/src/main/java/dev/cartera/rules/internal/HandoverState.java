package dev.cartera.rules.internal;

/** A task handed over during an absence: still with the colleague (offered back on return), returned, or kept. */
public enum HandoverState {
    HANDED, RETURNED, KEPT
}
