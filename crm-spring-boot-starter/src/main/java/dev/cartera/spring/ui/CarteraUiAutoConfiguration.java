package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.spring.CarteraAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** The web UI under {@code cartera.web.base-path} (default {@code /crm}). */
@AutoConfiguration(after = CarteraAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Cartera.class)
@ConditionalOnProperty(prefix = "cartera.web", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CarteraUiAutoConfiguration {
}
