package dev.cartera.spring.api;

class H2ReportsApiIntegrationTests extends ReportsApiScenarios {
}
