package dev.cartera.core.account;

public enum AccountKind {
    COMPANY, PERSON
}
