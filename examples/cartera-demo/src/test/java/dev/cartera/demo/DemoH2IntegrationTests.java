package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The demo on H2, its zero-set-up default: the API checks of {@link DemoApiChecks}, plus what a
 * person meets in a browser — the redirect to the Spanish login page, form login, the dashboard.
 */
@DemoOnH2
class DemoH2IntegrationTests extends DemoApiChecks {

    @Test
    void theRootRedirectsToTheCrm() {
        HttpResponse<String> response = http.get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/crm"));
    }

    @Test
    void anAnonymousVisitToTheCrmLandsOnTheLoginPage() {
        HttpResponse<String> crm = http.get("/crm");
        assertThat(crm.statusCode()).isEqualTo(302);
        assertThat(crm.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));

        HttpResponse<String> login = http.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"es\"", "name=\"viewport\"", "Iniciar sesión", "name=\"_csrf\"",
                "Suministros Levante S.L.");
    }

    @Test
    void formLoginOpensTheDashboardAndLogoutEndsTheSession() {
        HttpResponse<String> login = http.formLogin("rep", DemoTenants.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/crm"));

        HttpResponse<String> dashboard = http.get("/crm");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("data-testid=\"dashboard\"", "data-testid=\"nav-toggle\"", "Suministros Levante S.L.");

        HttpResponse<String> accounts = http.get("/crm/accounts");
        assertThat(accounts.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginPageWithAMessage() {
        HttpResponse<String> login = http.formLogin("rep", "no-es-la-clave");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?error"));
        assertThat(http.get("/login?error").body()).contains("Usuario o contraseña incorrectos.");
    }

    @Test
    void theOtherFirmSignsInToItsOwnBranding() {
        http.formLogin("other", DemoTenants.PASSWORD);

        HttpResponse<String> dashboard = http.get("/crm");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Talleres Norte S.L.").doesNotContain("Suministros Levante");
    }
}
