package dev.cartera.spring.api.activity;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /activities/{id}/complete}: what came of it. */
public record Completion(@Size(max = 4000) String outcome) {
}
