package dev.cartera.core.spi;

import org.slf4j.LoggerFactory;

/**
 * Sends the e-mails Cartera writes (automation rules, digests). The host plugs in its own mail
 * service; the default only logs, so nothing leaves a machine that was not configured to send mail.
 */
@FunctionalInterface
public interface Mailer {
    Mailer LOGGING = message -> LoggerFactory.getLogger(Mailer.class)
            .info("Mail not sent (no Mailer configured): tenant {}, to {}, subject '{}'", message.tenantId(), message.to(), message.subject());

    void send(MailMessage message);
}
