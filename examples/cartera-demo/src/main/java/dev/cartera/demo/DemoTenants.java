package dev.cartera.demo;

import dev.cartera.core.access.Role;
import dev.cartera.core.spi.TenantResolver;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's two firms and their people. Every signed-in user works in their own firm's tenant;
 * anonymous calls (the login page, health checks) fall back to {@value #DEMO}.
 */
@Component
public class DemoTenants implements TenantResolver {
    public static final String DEMO = "demo";
    public static final String OTRA = "otra";
    public static final String PASSWORD = "cartera";

    /** A person who signs in to the demo, and who they are in the CRM. */
    public record DemoUser(String username, String displayName, String email, Role role, String tenant) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("rep", "Lucía Martínez Ferrer", "lucia.martinez@suministroslevante.es", Role.SALES_REP, DEMO),
            new DemoUser("rep2", "Javier Ortega Climent", "javier.ortega@suministroslevante.es", Role.SALES_REP, DEMO),
            new DemoUser("manager", "Marta Sánchez Llorens", "marta.sanchez@suministroslevante.es", Role.MANAGER, DEMO),
            new DemoUser("director", "Vicente Peris Albert", "vicente.peris@suministroslevante.es", Role.DIRECTOR, DEMO),
            new DemoUser("admin", "Andrea Gil Navarro", "andrea.gil@consultoriadigital.es", Role.ADMIN, DEMO),
            new DemoUser("other", "Iñaki Etxeberria Goñi", "inaki@talleresnorte.es", Role.DIRECTOR, OTRA));

    /**
     * The reps of team Catalunya, Suministros Levante's Barcelona delegation. They sign in like everyone else, but
     * the seed creates them in their own team and office (not in the firm's first team, as {@link #usersOf} are).
     */
    public static final List<DemoUser> CATALUNYA = List.of(
            new DemoUser("jordi", "Jordi Puig Soler", "jordi.puig@suministroslevante.es", Role.SALES_REP, DEMO),
            new DemoUser("montse", "Montserrat Vidal Roca", "montserrat.vidal@suministroslevante.es", Role.SALES_REP, DEMO));

    /** Everyone who can sign in to the demo, with the password {@value #PASSWORD}. */
    public static final List<DemoUser> LOGINS = java.util.stream.Stream.concat(USERS.stream(), CATALUNYA.stream()).toList();

    public static Optional<DemoUser> user(String username) {
        return LOGINS.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The people the seed creates in the firm's first team and office ({@link #CATALUNYA} come separately). */
    public static List<DemoUser> usersOf(String tenant) {
        return USERS.stream().filter(u -> u.tenant().equals(tenant)).toList();
    }

    public static String tenantOf(String username) {
        return user(username).map(DemoUser::tenant).orElse(DEMO);
    }

    @Override
    public String currentTenant() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return DEMO;
        }
        return tenantOf(auth.getName());
    }
}
