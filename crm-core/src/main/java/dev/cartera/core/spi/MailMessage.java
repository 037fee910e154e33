package dev.cartera.core.spi;

import java.util.List;
import java.util.Objects;

/** One e-mail as Cartera hands it to the host's {@link Mailer}: plain text, already rendered. */
public record MailMessage(String tenantId, List<String> to, String subject, String body) {
    public MailMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        to = List.copyOf(to);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
