package dev.cartera.rules;

import java.util.List;
import java.util.UUID;

/** The simulator's answer for a rule-set version over some records; nothing was written to produce it. */
public record SimulationReport(UUID versionId, RuleSetKind kind, List<SimulatedRecord> records) {
}
