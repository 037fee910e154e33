package dev.cartera.core.opportunity;

public enum StageKind {
    OPEN, WON, LOST
}
