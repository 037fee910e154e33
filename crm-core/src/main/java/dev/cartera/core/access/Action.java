package dev.cartera.core.access;

public enum Action {
    READ, CREATE, UPDATE, DELETE, ASSIGN, EXPORT
}
