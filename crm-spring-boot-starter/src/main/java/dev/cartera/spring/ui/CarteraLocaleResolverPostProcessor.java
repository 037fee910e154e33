package dev.cartera.spring.ui;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Wraps the {@code localeResolver} bean (the host's or Boot's) in a {@link CarteraLocaleResolver}
 * instead of defining a second one, so no host auto-configuration backs off and pages outside the
 * UI keep their locale exactly as before.
 */
final class CarteraLocaleResolverPostProcessor implements BeanPostProcessor, EnvironmentAware {
    private String basePath = "/crm";
    private Locale defaultLocale = Locale.forLanguageTag("es");
    private boolean hostLocaleConfigured;

    @Override
    public void setEnvironment(Environment environment) {
        Binder binder = Binder.get(environment);
        basePath = binder.bind("cartera.web.base-path", String.class).orElse("/crm");
        String language = CarteraLocaleResolver.supported(
                binder.bind("cartera.web.ui.default-language", String.class).orElse("es"));
        defaultLocale = Locale.forLanguageTag(language == null ? "es" : language);
        hostLocaleConfigured = environment.containsProperty("spring.web.locale");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME.equals(beanName) && bean instanceof LocaleResolver resolver
                && !(bean instanceof CarteraLocaleResolver)) {
            return new CarteraLocaleResolver(resolver, basePath, defaultLocale, hostLocaleConfigured);
        }
        return bean;
    }
}
