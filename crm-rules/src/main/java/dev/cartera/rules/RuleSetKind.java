package dev.cartera.rules;

/** Who gets a lead (assignment) or what happens on an event or timer (automation). One rule set of each per tenant. */
public enum RuleSetKind {
    ASSIGNMENT, AUTOMATION
}
