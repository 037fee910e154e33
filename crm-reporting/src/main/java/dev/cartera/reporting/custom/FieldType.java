package dev.cartera.reporting.custom;

/** How a custom-report field's values are read, compared and aggregated. */
public enum FieldType {
    TEXT, NUMBER,
    /** A point in time; filters and formatting take days (yyyy-mm-dd) in the report time zone. */
    TIMESTAMP,
    /** A calendar day. */
    DATE,
    /** One of a fixed set of values. */
    CHOICE,
    BOOLEAN,
    /** Another record (owner, stage, account): filtered by id, shown by name. */
    REFERENCE
}
