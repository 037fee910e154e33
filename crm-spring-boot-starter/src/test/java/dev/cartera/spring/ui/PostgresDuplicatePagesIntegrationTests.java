package dev.cartera.spring.ui;

import dev.cartera.core.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The duplicates pages on a real PostgreSQL 17. */
class PostgresDuplicatePagesIntegrationTests extends DuplicatePagesScenarios {
    private static final String URL = TestDatabases.freshPostgresUrl();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
    }
}
