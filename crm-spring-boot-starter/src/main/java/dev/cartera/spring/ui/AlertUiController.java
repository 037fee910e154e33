package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.core.team.UserService;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.api.alert.AlertStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import dev.cartera.core.alert.AlertKind;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell (KD-6): the caller's active alerts, acknowledge and snooze, the translated toast of one
 * alert, and the live stream that makes the open page fetch that toast the moment an alert is raised.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/alerts")
class AlertUiController implements CarteraUiController {
    private static final long RECONNECT_MILLIS = 5_000;

    private final AlertService alerts;
    private final AlertItems items;
    private final AlertStream stream;
    private final UserService users;
    private final TenantResolver tenants;
    private final Cartera cartera;
    private final CarteraUiFormat format;
    private final String base;

    AlertUiController(Cartera cartera, AlertItems items, AlertStream stream, TenantResolver tenants,
            CarteraUiFormat format, CarteraProperties properties) {
        this.cartera = cartera;
        this.alerts = cartera.alerts();
        this.users = cartera.users();
        this.stream = stream;
        this.tenants = tenants;
        this.format = format;
        this.base = properties.web().basePath();
        this.items = items;
    }

    /** The panel under the bell; without htmx, a page of its own. */
    @GetMapping
    String panel(HttpServletRequest request, Model model) {
        model.addAttribute("section", "alerts");
        model.addAttribute("alerts", items.mine());
        return Htmx.partial(request) ? "cartera/alerts :: panel" : "cartera/alerts";
    }

    /** Which kinds of alert to see in the app and which to get by e-mail. */
    @GetMapping("/preferences")
    String preferences(@RequestParam(defaultValue = "false") boolean saved, Model model) {
        model.addAttribute("section", "alerts");
        model.addAttribute("preferences", alerts.myPreferences());
        model.addAttribute("saved", saved);
        return "cartera/alert-preferences";
    }

    @PostMapping("/preferences")
    String savePreferences(@RequestParam MultiValueMap<String, String> form) {
        for (AlertKind kind : AlertKind.values()) {
            alerts.setMyPreference(kind, form.containsKey("inApp_" + kind.name()), form.containsKey("email_" + kind.name()));
        }
        return "redirect:" + base + "/alerts/preferences?saved=true";
    }

    @GetMapping("/count")
    String count(Model model) {
        model.addAttribute("alertCount", alerts.myCount());
        return "cartera/alerts :: bellCount";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, HttpServletRequest request, Model model) {
        alerts.acknowledge(id);
        return afterChange(request, model);
    }

    /** Snoozes for an hour, or until 8:00 tomorrow in the firm's time zone. */
    @PostMapping("/{id}/snooze")
    String snooze(@PathVariable UUID id, @RequestParam(name = "for", defaultValue = "hour") String period,
            HttpServletRequest request, Model model) {
        Instant now = format.now();
        Instant until = "tomorrow".equals(period)
                ? LocalDate.ofInstant(now, cartera.zone()).plusDays(1).atTime(8, 0).atZone(cartera.zone()).toInstant()
                : now.plus(Duration.ofHours(1));
        alerts.snooze(id, until);
        return afterChange(request, model);
    }

    /** One alert as a pop-up, with the bell's new count swapped in out of band. */
    @GetMapping("/{id}/toast")
    String toast(@PathVariable UUID id, Model model) {
        AlertItem item = items.mine().stream().filter(i -> i.alert().id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(RecordType.ALERT, id));
        model.addAttribute("toast", item);
        model.addAttribute("alertCount", alerts.myCount());
        return "cartera/alerts :: toast";
    }

    /** Server-sent events: an {@code alert} event (its id, kind, severity) for each alert raised for the caller. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        SseEmitter emitter = stream.subscribe(tenants.currentTenant(), users.me().id());
        try {
            // Commits the response at once, so the browser's EventSource reports the stream open.
            emitter.send(SseEmitter.event().comment("open").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    private String afterChange(HttpServletRequest request, Model model) {
        if (!Htmx.partial(request)) {
            return "redirect:" + base + "/alerts";
        }
        model.addAttribute("alerts", items.mine());
        model.addAttribute("alertCount", alerts.myCount());
        model.addAttribute("oob", true);
        return "cartera/alerts :: panelWithCount";
    }
}
