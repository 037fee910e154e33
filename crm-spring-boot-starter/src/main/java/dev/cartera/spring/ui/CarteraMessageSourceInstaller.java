package dev.cartera.spring.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractApplicationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Makes the UI's bundles reachable from {@code #{...}} in templates without touching the host's own
 * messages: the UI source becomes the parent of the last message source in the host's chain (Boot's
 * {@code messageSource}, or the context's empty delegating one). Host keys still win, so a host may
 * re-word any {@code cartera.*} text in its own bundle. Should the chain end in a source that cannot
 * take a parent, the template engine is given a source that asks the UI bundles first.
 */
final class CarteraMessageSourceInstaller implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(CarteraMessageSourceInstaller.class);

    private final ApplicationContext context;
    private final CarteraMessages messages;
    private final ObjectProvider<SpringTemplateEngine> templateEngine;

    CarteraMessageSourceInstaller(ApplicationContext context, CarteraMessages messages,
            ObjectProvider<SpringTemplateEngine> templateEngine) {
        this.context = context;
        this.messages = messages;
        this.templateEngine = templateEngine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!context.containsBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)) {
            return;
        }
        MessageSource host = context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, MessageSource.class);
        if (install(host, messages.source())) {
            return;
        }
        SpringTemplateEngine engine = templateEngine.getIfUnique();
        if (engine == null) {
            log.warn("Cartera UI messages could not be linked to the host's MessageSource ({}); add '{}' to spring.messages.basename",
                    host.getClass().getName(), CarteraMessages.BASENAME);
            return;
        }
        log.info("Cartera UI messages are served to templates ahead of the host's {}", host.getClass().getName());
        engine.setTemplateEngineMessageSource(CarteraMessages.withParent(context));
    }

    /** Walks to the end of the host's chain and hangs the UI bundles there; false when the end cannot take a parent. */
    static boolean install(MessageSource host, MessageSource ui) {
        MessageSource current = host;
        while (current instanceof HierarchicalMessageSource hierarchical) {
            MessageSource parent = hierarchical.getParentMessageSource();
            if (parent == ui) {
                return true;
            }
            if (parent == null) {
                hierarchical.setParentMessageSource(ui);
                return true;
            }
            current = parent;
        }
        return false;
    }
}
