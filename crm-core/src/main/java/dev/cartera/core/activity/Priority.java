package dev.cartera.core.activity;

public enum Priority {
    LOW, NORMAL, HIGH
}
