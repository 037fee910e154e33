package dev.cartera.core.imports;

import java.util.List;
import java.util.Map;

/** A previewed row: its line, the values it would import (by target) and what is wrong with it, if anything. */
public record RowCheck(long line, Map<String, String> values, List<RowProblem> problems) {
    public RowCheck {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
