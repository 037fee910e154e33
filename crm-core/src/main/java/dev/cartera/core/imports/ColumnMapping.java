package dev.cartera.core.imports;

import dev.cartera.core.common.ValidationException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which column (0-based) feeds which target: a {@link LeadField#key()} or {@code custom.<field key>}.
 * Columns left out are ignored. A target takes one column at most.
 */
public record ColumnMapping(Map<Integer, String> targets) {
    public ColumnMapping {
        targets = Collections.unmodifiableMap(new TreeMap<>(targets));
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Integer, String> e : targets.entrySet()) {
            String target = e.getValue();
            if (e.getKey() == null || e.getKey() < 0 || target == null) {
                throw ValidationException.of("mapping", "import.mapping.invalid");
            }
            boolean custom = target.startsWith(LeadField.CUSTOM_PREFIX) && target.length() > LeadField.CUSTOM_PREFIX.length()
                    && target.length() <= LeadField.CUSTOM_PREFIX.length() + 60;
            if (!custom && LeadField.ofKey(target).isEmpty()) {
                throw ValidationException.of("mapping", "import.mapping.unknown-target");
            }
            if (!seen.add(target)) {
                throw ValidationException.of("mapping", "import.mapping.duplicate-target");
            }
        }
    }

    public static ColumnMapping of(Map<Integer, String> targets) {
        return new ColumnMapping(targets);
    }

    public ColumnMapping with(int column, String target) {
        Map<Integer, String> copy = new TreeMap<>(targets);
        copy.values().remove(target);
        if (target == null) {
            copy.remove(column);
        } else {
            copy.put(column, target);
        }
        return new ColumnMapping(copy);
    }

    /** Lines of {@code column TAB target}, as stored on a run. */
    public String spec() {
        StringBuilder sb = new StringBuilder();
        targets.forEach((column, target) -> sb.append(column).append('\t').append(target).append('\n'));
        return sb.toString();
    }

    public static ColumnMapping parse(String spec) {
        Map<Integer, String> targets = new TreeMap<>();
        if (spec != null) {
            for (String line : spec.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    targets.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
                }
            }
        }
        return new ColumnMapping(targets);
    }
}
