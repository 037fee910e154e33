package dev.cartera.rules;

/** A version is edited as a draft, goes live once (active), and is archived when another replaces it. */
public enum VersionStatus {
    DRAFT, ACTIVE, ARCHIVED
}
