package dev.cartera.spring.api;

/** Pipelines, the board, the catalogue and quotes over HTTP on H2. */
class H2DealsAndQuotesApiIntegrationTests extends DealsAndQuotesApiScenarios {
}
