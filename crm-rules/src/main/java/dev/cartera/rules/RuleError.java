package dev.cartera.rules;

/** Why a rule cannot go live: the rule's name as the admin wrote it (or {@code raw DRL}) and a readable reason. */
public record RuleError(String rule, String reason) {
    @Override
    public String toString() {
        return rule + ": " + reason;
    }
}
