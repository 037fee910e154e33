package dev.cartera.spring.api;

/** The API scenarios on the embedded H2 database Spring Boot gives a host with H2 on its class path. */
class H2ApiIntegrationTests extends ApiScenarios {
}
