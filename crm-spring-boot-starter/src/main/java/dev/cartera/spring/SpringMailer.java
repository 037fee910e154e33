package dev.cartera.spring;

import dev.cartera.core.spi.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Cartera's mail through the host's {@link JavaMailSender} ({@code spring.mail.*}). A failure is
 * thrown, not logged away: sending a quote rolls back when its e-mail cannot go out.
 */
public class SpringMailer implements Mailer {
    private final JavaMailSender sender;
    private final String from;

    public SpringMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Message message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, !message.attachments().isEmpty(), StandardCharsets.UTF_8.name());
            if (from != null && !from.isBlank()) {
                helper.setFrom(from);
            }
            helper.setTo(message.to());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.text() == null ? "" : message.text(), false);
            for (Attachment attachment : message.attachments()) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.mediaType());
            }
        } catch (MessagingException e) {
            throw new MailSendException("could not compose the e-mail", e);
        }
        sender.send(mime);
    }
}
