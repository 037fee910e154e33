package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.rules.CarteraRules;
import dev.cartera.spring.api.rule.RuleTexts;
import dev.cartera.spring.api.rule.RulesAdmin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The rules pages, only where crm-rules is installed; the navigation shows them to admins. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CarteraRules.class)
@ConditionalOnBean(CarteraRules.class)
@Import({RulesController.class, RulesUiConfiguration.RulesNavigation.class})
class RulesUiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RulesAdmin carteraRulesAdmin(Cartera cartera) {
        return new RulesAdmin(cartera.users());
    }

    /** The rules' reasons and errors in the user's language, for the templates as {@code @carteraRuleTexts}. */
    @Bean
    @ConditionalOnMissingBean
    RuleTexts carteraRuleTexts(CarteraMessages messages, CarteraUiProperties ui) {
        return new RuleTexts(messages.source(), ui.timeZone());
    }

    /** {@code rulesNav} on every UI page: whether the navigation links to the rules (admins only). */
    @ControllerAdvice(assignableTypes = CarteraUiController.class)
    static class RulesNavigation {
        private final RulesAdmin admin;
        private final CurrentUser currentUser;

        RulesNavigation(RulesAdmin admin, CurrentUser currentUser) {
            this.admin = admin;
            this.currentUser = currentUser;
        }

        @ModelAttribute
        void rulesNav(Model model) {
            if (currentUser.username().isEmpty()) {
                return;
            }
            try {
                model.addAttribute("rulesNav", admin.allowed());
            } catch (dev.cartera.core.common.CrmException e) {
                model.addAttribute("rulesNav", false);
            }
        }
    }
}
