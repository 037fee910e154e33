package dev.cartera.reporting;

/**
 * What a measure is broken down by (KD-5: by channel, profile, role and/or phase). Which dimensions
 * a measure supports depends on its records: stage only for deals, product only for quote lines.
 */
public enum Dimension {
    /** One row: the total at the caller's aggregation level. */
    NONE,
    USER,
    TEAM,
    OFFICE,
    ROLE,
    /** Lead source / channel. */
    SOURCE,
    STAGE,
    PRODUCT
}
