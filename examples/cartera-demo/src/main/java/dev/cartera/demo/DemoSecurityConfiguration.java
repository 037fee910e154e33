package dev.cartera.demo;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * People sign in with a form (Spanish login page at {@code /login}) and get a session for the UI
 * under {@code /crm}; machines call {@code /crm/api/**} with HTTP Basic, statelessly and without
 * CSRF, and get RFC 9457 problems for 401 and 403. The demo users share the password {@code cartera}.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSecurityConfiguration {
    static final String API = "/crm/api/**";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder) {
        String hash = encoder.encode(DemoTenants.PASSWORD);
        return new InMemoryUserDetailsManager(DemoTenants.LOGINS.stream()
                .map(u -> User.withUsername(u.username()).password(hash).roles(u.role().name()).build())
                .toList());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(API)
                // Customer uploads and calendar feeds authenticate by their secret token instead.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/crm/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Cartera\"");
                    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                            "Hace falta autenticarse con HTTP Basic.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "No tiene permiso para esta operación.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/error", "/favicon.ico", "/webjars/**", "/actuator/health/**").permitAll()
                        .requestMatchers("/crm/public/**", "/crm/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/crm", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
