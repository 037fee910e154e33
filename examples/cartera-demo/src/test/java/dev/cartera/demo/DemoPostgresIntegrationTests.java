package dev.cartera.demo;

import dev.cartera.core.testing.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo with its {@code postgres} profile on a real PostgreSQL 17 started by the test: the same
 * API checks and demo-data checks as on H2, proving the PostgreSQL path end to end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class DemoPostgresIntegrationTests extends DemoApiChecks {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
