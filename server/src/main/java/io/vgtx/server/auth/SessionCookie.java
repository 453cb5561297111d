package io.vgtx.server.auth;

import io.javalin.http.Context;
import io.vgtx.server.http.ClientAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's session cookie, and when a request may use it.
 *
 * <p><b>Secure, except on localhost.</b> Over HTTPS (or behind a trusted TLS proxy that sends {@code X-Forwarded-Proto:
 * https}, see {@link ClientAddress}) the cookie is {@value #SECURE_NAME}: {@code Secure}, {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Path=/}, no {@code Domain} (the {@code __Host-} prefix makes browsers enforce all that). Plain HTTP is
 * accepted only for a browser on the node's own machine — the request's {@code Host} is {@code localhost},
 * {@code 127.x.x.x} or {@code [::1]} <em>and</em> its client is a loopback address (behind a trusted proxy on this
 * machine, the client the proxy names, not the proxy) — as when {@code vgtx serve}
 * runs with its default {@code --host 127.0.0.1}; the cookie is then {@value #LOCAL_NAME}, the same but without
 * {@code Secure} (which browsers would not send back over HTTP). A sign-in over plain HTTP from anywhere else is
 * refused, so a password or session never crosses a network in clear.
 */
public final class SessionCookie {
    public static final String SECURE_NAME = "__Host-vgtx-session";
    public static final String LOCAL_NAME = "vgtx-session";
    /** The header a session's state-changing requests carry its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {
    }

    /** Whether the request came over HTTPS, directly or through a trusted TLS-terminating proxy ({@link ClientAddress}). */
    public static boolean overHttps(Context ctx) {
        return ClientAddress.of(ctx).https();
    }

    /** Plain HTTP from a browser on this machine to this machine: the one case the cookie goes without {@code Secure}. */
    public static boolean localPlainHttp(Context ctx) {
        if (overHttps(ctx)) return false;
        return isLoopbackName(hostWithoutPort(ctx.host())) && isLoopbackAddress(ClientAddress.of(ctx).address());
    }

    /** Whether a session may be used (or started) on this request at all. */
    public static boolean allowed(Context ctx) {
        return overHttps(ctx) || localPlainHttp(ctx);
    }

    /** The session cookie's value on this request, if it carries the one valid for how it came. */
    public static Optional<String> read(Context ctx) {
        if (overHttps(ctx)) return Optional.ofNullable(ctx.cookie(SECURE_NAME));
        if (localPlainHttp(ctx)) return Optional.ofNullable(ctx.cookie(LOCAL_NAME));
        return Optional.empty();
    }

    /** The {@code Set-Cookie} value that starts a session; a browser-session cookie (the server enforces expiry). */
    public static String set(Context ctx, String secret) {
        return overHttps(ctx)
                ? SECURE_NAME + "=" + secret + "; Path=/; Secure; HttpOnly; SameSite=Strict"
                : LOCAL_NAME + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The {@code Set-Cookie} value that removes it. */
    public static String clear(Context ctx) {
        return overHttps(ctx)
                ? SECURE_NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict"
                : LOCAL_NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }

    /**
     * Whether a browser request is same-origin: a present {@code Origin} must be this node's own, and
     * {@code Sec-Fetch-Site}, when sent, must not say cross-site. Requests without either (curl, old browsers)
     * pass; the CSRF token still protects them.
     */
    public static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !(site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"))) return false;
        String origin = ctx.header("Origin");
        if (origin == null) return true;
        String host = ctx.host();
        if (host == null) return false;
        String expected = (overHttps(ctx) ? "https://" : "http://") + host.toLowerCase(Locale.ROOT);
        return origin.strip().toLowerCase(Locale.ROOT).equals(expected);
    }

    static String hostWithoutPort(String host) {
        if (host == null) return "";
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    static boolean isLoopbackName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) return true;
        if (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) return true;
        return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean isLoopbackAddress(String address) {
        if (address == null || address.isBlank()) return false;
        // Only literal addresses reach here (the connection's peer), so this does no DNS lookup.
        if (!address.matches("[0-9a-fA-F:.\\[\\]%]+")) return false;
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
