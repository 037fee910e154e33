package dev.cartera.spring.api.rule;

import dev.cartera.core.Cartera;
import dev.cartera.rules.CarteraRules;
import dev.cartera.spring.ui.CarteraMessages;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The rules endpoints, only where crm-rules is installed ({@code cartera.rules.enabled}, on by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CarteraRules.class)
@ConditionalOnBean(CarteraRules.class)
@Import({RuleSetController.class, AbsenceController.class})
public class RulesApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RulesAdmin carteraRulesAdmin(Cartera cartera) {
        return new RulesAdmin(cartera.users());
    }

    /** The rules' reasons and errors in the reader's language (shared with the UI when both are on). */
    @Bean
    @ConditionalOnMissingBean
    public RuleTexts carteraRuleTexts(Environment environment) {
        return new RuleTexts(new CarteraMessages().source(),
                ZoneId.of(environment.getProperty("cartera.web.ui.time-zone", "Europe/Madrid")));
    }

    @Bean
    WebMvcConfigurer carteraRuleSetKindConverter() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new RuleSetController.KindConverter());
            }
        };
    }
}
