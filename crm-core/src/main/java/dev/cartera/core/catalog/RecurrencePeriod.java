package dev.cartera.core.catalog;

public enum RecurrencePeriod {
    MONTHLY, QUARTERLY, YEARLY
}
