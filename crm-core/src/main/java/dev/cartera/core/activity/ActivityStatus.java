package dev.cartera.core.activity;

public enum ActivityStatus {
    PLANNED, DONE, CANCELLED
}
