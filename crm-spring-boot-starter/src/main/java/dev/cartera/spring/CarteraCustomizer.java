package dev.cartera.spring;

import dev.cartera.core.Cartera;

/** Changes one thing on the Cartera builder without replacing the whole {@code Cartera} bean. */
@FunctionalInterface
public interface CarteraCustomizer {
    void customize(Cartera.Builder builder);
}
