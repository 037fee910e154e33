package dev.cartera.rules.internal;

import dev.cartera.rules.RuleSetContent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Rule definitions as stored in {@code crm_rule_set_version.definition}. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static String write(RuleSetContent content) {
        return MAPPER.writeValueAsString(content);
    }

    public static RuleSetContent read(String json) {
        return MAPPER.readValue(json, RuleSetContent.class);
    }
}
