package dev.cartera.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Sends the e-mails Cartera writes (quotes to customers, notices to staff). A host plugs in its
 * own SMTP or mail service; the default {@link DefaultMailer} sends nothing and says so in the log.
 */
@FunctionalInterface
public interface Mailer {
    void send(Message message);

    /** One e-mail: recipient, subject, plain-text body and attachments. */
    record Message(String to, String subject, String text, List<Attachment> attachments) {
        public Message {
            Objects.requireNonNull(to, "to");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    record Attachment(String filename, String mediaType, byte[] content) {
    }
}
