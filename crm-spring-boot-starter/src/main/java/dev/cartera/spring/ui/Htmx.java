package dev.cartera.spring.ui;

import jakarta.servlet.http.HttpServletRequest;

/** htmx request headers: a partial swap gets a fragment, a history restore or plain request the full page. */
final class Htmx {
    private Htmx() {
    }

    static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
