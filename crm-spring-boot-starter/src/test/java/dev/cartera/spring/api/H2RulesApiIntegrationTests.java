package dev.cartera.spring.api;

/** Rules over HTTP on H2. */
class H2RulesApiIntegrationTests extends RulesApiScenarios {
}
