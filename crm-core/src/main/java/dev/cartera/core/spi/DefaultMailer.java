package dev.cartera.core.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer of a host that configured none: it sends nothing and logs that it did not, with the
 * recipient masked and without the body, which may carry a customer's private link.
 */
public final class DefaultMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(DefaultMailer.class);

    @Override
    public void send(Message message) {
        log.warn("No Mailer configured: e-mail to {} with {} attachment(s) was not sent", mask(message.to()),
                message.attachments().size());
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
