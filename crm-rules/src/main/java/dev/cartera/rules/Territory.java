package dev.cartera.rules;

import java.util.UUID;

/** One line of a territory table: a province and/or a postcode range, and the user who covers it. */
public record Territory(String province, String postcodeFrom, String postcodeTo, UUID userId) {
}
