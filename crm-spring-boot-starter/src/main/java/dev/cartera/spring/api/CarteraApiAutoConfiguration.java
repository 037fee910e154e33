package dev.cartera.spring.api;

import dev.cartera.core.Cartera;
import dev.cartera.spring.CarteraAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** The REST API under {@code cartera.api.base-path} (default {@code /crm/api/v1}). */
@AutoConfiguration(after = CarteraAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Cartera.class)
@ConditionalOnProperty(prefix = "cartera.api", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CarteraApiAutoConfiguration {
}
