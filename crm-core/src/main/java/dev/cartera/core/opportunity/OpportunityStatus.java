package dev.cartera.core.opportunity;

public enum OpportunityStatus {
    OPEN, WON, LOST
}
