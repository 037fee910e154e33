package dev.cartera.core.catalog;

public enum Billing {
    ONE_OFF, RECURRING
}
