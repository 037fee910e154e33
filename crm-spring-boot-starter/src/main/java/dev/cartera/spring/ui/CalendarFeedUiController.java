package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The caller's calendar feed, from the user menu: a secret iCalendar URL of their tasks and
 * meetings, shown once to paste into Google Calendar, Outlook or the phone's calendar; revoke stops
 * every URL made so far. The feed itself is served by the REST API's public path.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/calendar-feed")
class CalendarFeedUiController implements CarteraUiController {
    private final Cartera cartera;
    private final CarteraProperties properties;

    CalendarFeedUiController(Cartera cartera, CarteraProperties properties) {
        this.cartera = cartera;
        this.properties = properties;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("section", "calendar");
        return "cartera/calendar-feed";
    }

    @PostMapping
    String create(HttpServletRequest request, Model model) {
        String token = cartera.calendarFeeds().createFeed();
        String api = properties.api().basePath();
        String url = ServletUriComponentsBuilder.fromContextPath(request)
                .path((api.endsWith("/") ? api.substring(0, api.length() - 1) : api) + "/public/calendar/" + token + ".ics")
                .build().toUriString();
        model.addAttribute("section", "calendar");
        model.addAttribute("feedUrl", url);
        model.addAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
        return "cartera/calendar-feed";
    }

    @PostMapping("/revoke")
    String revoke(Model model) {
        model.addAttribute("section", "calendar");
        model.addAttribute("revoked", cartera.calendarFeeds().revokeFeeds());
        return "cartera/calendar-feed";
    }
}
