package dev.cartera.spring.api;

import dev.cartera.core.spi.TenantResolver;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A host application as small as it gets: the starter does the rest. The host decides the tenant
 * (here from an {@code X-Tenant} header) and authenticates callers with Spring Security; the starter's
 * {@code CurrentUser} reads the authenticated name. Every request is let through to the API, anonymous
 * ones without an authentication, so the API's own 401 answer is what a test sees.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ApiTestApplication {
    static final String TENANT_HEADER = "X-Tenant";

    @Bean
    TenantResolver headerTenantResolver() {
        return () -> {
            String tenant = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? attributes.getRequest().getHeader(TENANT_HEADER) : null;
            return tenant == null ? TenantResolver.DEFAULT_TENANT : tenant;
        };
    }

    @Bean
    SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .anonymous(anonymous -> anonymous.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
