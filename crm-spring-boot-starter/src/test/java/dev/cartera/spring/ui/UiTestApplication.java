package dev.cartera.spring.ui;

import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.TenantResolver;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A host as an ERP would be: its own security (form login, CSRF on), its principal mapped to a CRM
 * user, and the firm (tenant) carried as a {@code TENANT_<id>} authority. No component scan, so the
 * UI arrives only through its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class UiTestApplication {
    static final String TENANT_AUTHORITY = "TENANT_";

    @Bean
    CurrentUser currentUser() {
        return () -> authentication().map(Authentication::getName);
    }

    @Bean
    TenantResolver tenantResolver() {
        return () -> authentication().stream()
                .flatMap(a -> a.getAuthorities().stream())
                .map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith(TENANT_AUTHORITY))
                .map(name -> name.substring(TENANT_AUTHORITY.length()))
                .findFirst()
                .orElse(TenantResolver.DEFAULT_TENANT);
    }

    @Bean
    SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/crm/public/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    private static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication()).filter(Authentication::isAuthenticated);
    }
}
