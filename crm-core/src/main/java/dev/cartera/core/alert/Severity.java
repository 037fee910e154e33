package dev.cartera.core.alert;

public enum Severity {
    INFO, WARNING, CRITICAL
}
