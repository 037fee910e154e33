package dev.cartera.spring.api;

import dev.cartera.core.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rules over HTTP on a real PostgreSQL 17. */
class PostgresRulesApiIntegrationTests extends RulesApiScenarios {
    private static final String URL = TestDatabases.freshPostgresUrl();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
    }
}
