package dev.cartera.core.access;

/** The profiles of the Kit Digital text and of seed 004, from narrowest to widest view. */
public enum Role {
    SALES_REP, MANAGER, DIRECTOR, ADMIN
}
