package dev.cartera.reporting;

/** How a conditional-formatting rule marks a cell; exports and the UI map these to colours. */
public enum Highlight {
    GREEN, AMBER, RED, BOLD
}
