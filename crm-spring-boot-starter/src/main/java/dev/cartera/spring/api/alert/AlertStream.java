package dev.cartera.spring.api.alert;

import dev.cartera.core.alert.AlertEvents.AlertRaised;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open server-sent-event connections per user, fed by {@code AlertRaised} events (published after
 * commit). In-memory by design: each node pushes to the browsers connected to it; a dropped
 * connection reconnects and the bell count catches up.
 */
public class AlertStream {
    static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final Map<String, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

    public SseEmitter subscribe(String tenantId, UUID userId) {
        String key = key(tenantId, userId);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        emitters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> emitters.getOrDefault(key, Set.of()).remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // Sent at once, so the response headers go out and an EventSource knows it is connected.
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    @EventListener
    public void on(AlertRaised event) {
        for (SseEmitter emitter : emitters.getOrDefault(key(event.tenantId(), event.userId()), Set.of())) {
            try {
                emitter.send(SseEmitter.event().name("alert").id(event.alertId().toString())
                        .data(Map.of("id", event.alertId(), "kind", event.kind(), "severity", event.severity(),
                                "icon", event.kind().icon())));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }

    /**
     * Ends every open stream when the application shuts down, before the web server's graceful
     * shutdown would otherwise wait its whole timeout for these never-ending requests.
     */
    @EventListener(ContextClosedEvent.class)
    public void closeAll() {
        emitters.values().forEach(open -> open.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyGone) {
                // completed meanwhile
            }
        }));
        emitters.clear();
    }

    int connections(String tenantId, UUID userId) {
        return emitters.getOrDefault(key(tenantId, userId), Set.of()).size();
    }

    private static String key(String tenantId, UUID userId) {
        return tenantId + "/" + userId;
    }
}
