package dev.cartera.spring.api;

class H2ImportsAndDuplicatesApiIntegrationTests extends ImportsAndDuplicatesApiScenarios {
}
