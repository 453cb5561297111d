package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** What the console's scripts do, without a browser: sign in with a form, then call the API with the cookie and the CSRF header. */
final class ConsoleClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    String cookie;
    String csrf;

    ConsoleClient(URI base) {
        this.base = base;
    }

    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return LiveNode.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    /** Signs in; on success keeps the cookie and the CSRF token. */
    Reply signIn(String login, String password) {
        String form = "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/console/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (reply.status() == 200) {
            String setCookie = reply.header("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = reply.json().get("csrfToken").asText();
        }
        return reply;
    }

    Reply get(String path) {
        return send(withCookie(HttpRequest.newBuilder(base.resolve(path))).GET());
    }

    Reply post(String path, String json) {
        return post(path, json, csrf);
    }

    Reply post(String path, String json, String csrfToken) {
        HttpRequest.Builder request = withCookie(HttpRequest.newBuilder(base.resolve(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) request.header("X-CSRF-Token", csrfToken);
        return send(request);
    }

    Reply send(String method, String path, String csrfToken, String origin) {
        HttpRequest.Builder request = withCookie(HttpRequest.newBuilder(base.resolve(path))).method(method, HttpRequest.BodyPublishers.noBody());
        if (csrfToken != null) request.header("X-CSRF-Token", csrfToken);
        if (origin != null) request.header("Origin", origin);
        return send(request);
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(20));
        if (cookie != null) builder.header("Cookie", cookie);
        return builder;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
