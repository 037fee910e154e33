package dev.cartera.core.quote;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sending a quote: to whom, an optional personal message, and the tenant's branding for the PDF. */
public record SendQuote(@NotBlank @Email @Size(max = 254) String to, @Size(max = 4000) String message, @NotNull Branding branding) {
}
