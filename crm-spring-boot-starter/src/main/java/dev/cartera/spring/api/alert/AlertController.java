package dev.cartera.spring.api.alert;

import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertPreferenceView;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.team.UserService;
import dev.cartera.core.spi.TenantResolver;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's alerts (KD-6): the bell, acknowledge, snooze, and a live stream of new ones. */
@RestController
@RequestMapping("/alerts")
public class AlertController {
    private final AlertService alerts;
    private final UserService users;
    private final TenantResolver tenants;
    private final AlertStream stream;

    public AlertController(AlertService alerts, UserService users, TenantResolver tenants, AlertStream stream) {
        this.alerts = alerts;
        this.users = users;
        this.tenants = tenants;
        this.stream = stream;
    }

    @GetMapping
    public List<AlertView> mine() {
        return alerts.mine();
    }

    @GetMapping("/count")
    public Map<String, Long> count() {
        return Map.of("count", alerts.myCount());
    }

    @PostMapping("/{id}/acknowledge")
    public AlertView acknowledge(@PathVariable UUID id) {
        return alerts.acknowledge(id);
    }

    @PostMapping("/{id}/snooze")
    public AlertView snooze(@PathVariable UUID id, @RequestBody Snooze snooze) {
        return alerts.snooze(id, snooze.until());
    }

    @GetMapping("/preferences")
    public List<AlertPreferenceView> preferences() {
        return alerts.myPreferences();
    }

    @PutMapping("/preferences/{kind}")
    public AlertPreferenceView setPreference(@PathVariable AlertKind kind, @RequestBody Preference preference) {
        return alerts.setMyPreference(kind, preference.inApp(), preference.email());
    }

    /** Server-sent events: one {@code alert} event per alert raised for the caller while connected. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    public SseEmitter stream() {
        return stream.subscribe(tenants.currentTenant(), users.me().id());
    }

    public record Snooze(@NotNull Instant until) {
    }

    public record Preference(boolean inApp, boolean email) {
    }
}
