package dev.cartera.rules;

/** How a criterion compares a field with the admin's values. Text compares ignore case and surrounding blanks. */
public enum Operator {
    /** The field equals the one value. */
    EQUALS,
    /** The field equals one of the values. */
    IN,
    /** The field contains the one value. */
    CONTAINS,
    /** The field lies between the two values, both included (numbers numerically, postcodes as text of equal length). */
    BETWEEN,
    /** The field has no value. */
    IS_EMPTY
}
