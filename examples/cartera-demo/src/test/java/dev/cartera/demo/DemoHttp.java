package dev.cartera.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running demo: what curl would do. Redirects are not followed, so
 * tests see them; cookies are kept, so one instance is one browser session.
 */
final class DemoHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    DemoHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    String url(String path) {
        return path.startsWith("http") ? path : base + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    HttpResponse<String> getAs(String user, String path) {
        return getAs(user, DemoTenants.PASSWORD, path);
    }

    HttpResponse<String> getAs(String user, String password, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, password))
                .header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> postJsonAs(String user, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, DemoTenants.PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Signs in through the login form, as a person would: fetch the page, then post the form with its CSRF token. */
    HttpResponse<String> formLogin(String user, String password) {
        HttpResponse<String> page = get("/login");
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("login page without a CSRF token");
        }
        String form = Map.of("username", user, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
