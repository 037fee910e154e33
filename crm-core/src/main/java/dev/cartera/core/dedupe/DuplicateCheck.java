package dev.cartera.core.dedupe;

/** What creating a lead or an account does about likely duplicates, set once per Cartera. */
public enum DuplicateCheck {
    /** No check on create; {@link DuplicateService#candidates} still answers. */
    OFF,
    /** Create, and hand the candidates back so the form can show them. */
    WARN,
    /** Refuse with a {@link DuplicateException} listing the candidates, unless the caller overrides. */
    BLOCK
}
