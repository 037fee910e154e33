package dev.cartera.rules.internal;

import dev.cartera.rules.Trigger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one fact rules see: a record flattened to named text values, with the trigger that brought it (none for
 * assignment). Rules mark themselves on it when they match; Java then acts in rule order.
 */
public final class RecordFact {
    private final Trigger trigger;
    private final UUID recordId;
    private final UUID ownerId;
    private final Map<String, String> values;
    private final BitSet matched = new BitSet();
    private Map<String, Integer> ruleIndex = Map.of();

    public RecordFact(Trigger trigger, UUID recordId, UUID ownerId, Map<String, String> values) {
        this.trigger = trigger;
        this.recordId = recordId;
        this.ownerId = ownerId;
        this.values = new HashMap<>(values);
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    /** A field's value ({@code province}, {@code custom.sector}…) or null. */
    public String value(String field) {
        return values.get(field);
    }

    public Map<String, String> values() {
        return values;
    }

    /** Called by a generated rule when its criteria hold. */
    public void matched(int rule) {
        matched.set(rule);
    }

    /** Called by raw DRL: "the structured rule with this name applies". Unknown names are ignored. */
    public void matched(String ruleName) {
        Integer index = ruleIndex.get(ruleName);
        if (index != null) {
            matched.set(index);
        }
    }

    void useRuleIndex(Map<String, Integer> index) {
        this.ruleIndex = index;
    }

    void clearMatches() {
        matched.clear();
    }

    /** Indexes of the matching rules, in rule order. */
    public List<Integer> matches() {
        List<Integer> out = new ArrayList<>(matched.cardinality());
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            out.add(i);
        }
        return out;
    }
}
