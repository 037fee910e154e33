package dev.cartera.spring.api.report;

import dev.cartera.core.access.Role;
import dev.cartera.core.team.UserService;
import dev.cartera.reporting.CarteraReports;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-screen dashboards as JSON. {@code /me} picks the board of the caller's profile; the
 * others can be asked for by name, and always answer at the aggregation level the caller's role allows.
 */
@RestController
@RequestMapping("/dashboards")
public class DashboardController {
    private final CarteraReports reports;
    private final UserService users;

    public DashboardController(CarteraReports reports, UserService users) {
        this.reports = reports;
        this.users = users;
    }

    /** A board and which profile it is for ({@code rep}, {@code manager}, {@code director}). */
    public record ProfileDashboard(String profile, Object dashboard) {
    }

    public static String profileOf(Role role) {
        return switch (role) {
            case SALES_REP -> "rep";
            case MANAGER -> "manager";
            case DIRECTOR, ADMIN -> "director";
        };
    }

    @GetMapping("/me")
    public ProfileDashboard me() {
        String profile = profileOf(users.me().role());
        return new ProfileDashboard(profile, board(profile));
    }

    @GetMapping("/rep")
    public Object rep() {
        return reports.dashboards().rep();
    }

    @GetMapping("/manager")
    public Object manager() {
        return reports.dashboards().manager();
    }

    @GetMapping("/director")
    public Object director() {
        return reports.dashboards().director();
    }

    private Object board(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "rep" -> rep();
            case "manager" -> manager();
            default -> director();
        };
    }
}
