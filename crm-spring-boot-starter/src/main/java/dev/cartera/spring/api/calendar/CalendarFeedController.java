package dev.cartera.spring.api.calendar;

import dev.cartera.core.calendar.CalendarFeedService;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The caller's iCalendar feed: create a secret URL, or revoke every one. */
@RestController
@RequestMapping("/users/me/calendar-feed")
public class CalendarFeedController {
    private final CalendarFeedService calendars;

    public CalendarFeedController(CalendarFeedService calendars) {
        this.calendars = calendars;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> create() {
        String token = calendars.createFeed();
        String url = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri()
                .resolve("../../public/calendar/" + token + ".ics").toString();
        return ResponseEntity.status(201).body(Map.of("url", url));
    }

    @DeleteMapping
    public Map<String, Integer> revoke() {
        return Map.of("revoked", calendars.revokeFeeds());
    }
}
