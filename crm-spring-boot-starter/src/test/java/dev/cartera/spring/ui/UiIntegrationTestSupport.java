package dev.cartera.spring.ui;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.team.UserDraft;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** One Spring context on H2 for every UI test; each test class works in tenants of its own. */
@SpringBootTest(classes = UiTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:cartera-ui;DB_CLOSE_DELAY=-1",
        "cartera.web.product-name=Cartera",
        "cartera.web.ui.firm-name=Ferretería Martínez SL",
        "cartera.web.ui.primary-color=#1d4ed8",
        "cartera.documents.path=target/ui-test-documents",
        "cartera.documents.max-size=64KB",
        "cartera.scheduling.enabled=false"})
@AutoConfigureMockMvc
abstract class UiIntegrationTestSupport {
    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Cartera cartera;

    /** A fresh tenant with an admin "ana" (sees everything) and a sales rep "rep". */
    protected String newTenant() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        cartera.asSystem(tenant, crm -> {
            crm.users().create(new UserDraft("ana", "Ana García", "ana@example.es", Role.ADMIN, null, null, "es"));
            crm.users().create(new UserDraft("rep", "Rubén Pérez", "rep@example.es", Role.SALES_REP, null, null, "es"));
            return null;
        });
        return tenant;
    }

    /** Runs service calls as a signed-in user of a tenant, as the host's security would present them. */
    protected static <T> T signedIn(String username, String tenant, java.util.function.Supplier<T> work) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                username, null, java.util.List.of(new SimpleGrantedAuthority(UiTestApplication.TENANT_AUTHORITY + tenant))));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    protected static RequestPostProcessor as(String username, String tenant) {
        return user(username).authorities(new SimpleGrantedAuthority(UiTestApplication.TENANT_AUTHORITY + tenant));
    }
}
