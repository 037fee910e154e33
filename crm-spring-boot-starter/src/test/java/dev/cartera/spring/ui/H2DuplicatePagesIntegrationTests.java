package dev.cartera.spring.ui;

/** The duplicates pages on H2 (the context every UI test shares). */
class H2DuplicatePagesIntegrationTests extends DuplicatePagesScenarios {
}
