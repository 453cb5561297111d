package io.vgtx.server.http;

import io.javalin.http.Context;

/** What the framework keeps on each request's Javalin {@link Context}, for handlers that work on it directly. */
public final class RequestAttributes {
    /** A random UUID for this request; also the {@code X-Request-Id} response header and the problem {@code instance}. */
    public static final String REQUEST_ID = "vgtx.requestId";
    /** The authenticated principal (whatever the {@code BearerAuthenticator} returned), on authenticated routes. */
    public static final String PRINCIPAL = "vgtx.principal";
    /** The matched {@link ApiRoute}, set before any handler of a matched route runs. */
    public static final String ROUTE = "vgtx.route";
    /**
     * The console session the request authenticated with ({@code SessionAuthenticator.Session}), absent for
     * bearer tokens and public routes.
     */
    public static final String SESSION = "vgtx.session";
    /**
     * The server's failed-authentication limiter ({@code AuthFailureLimiter}), on every matched request: a route
     * that checks credentials itself (the console's sign-in) records its failures there, so one address's guesses
     * at tokens and passwords count together.
     */
    public static final String AUTH_FAILURES = "vgtx.authFailures";
    /**
     * The request's {@link ClientAddress}: its client's address and whether it came over HTTPS, from the connection or
     * from a trusted proxy's headers; set before any handler runs.
     */
    public static final String CLIENT = "vgtx.client";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private RequestAttributes() {
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id != null ? id : "unknown";
    }

    /** The route template ({@code /api/v1/banks/{name}}), never the raw path; {@code UNMATCHED} when no route matched. */
    public static String routeTemplate(Context ctx) {
        ApiRoute route = ctx.attribute(ROUTE);
        return route != null ? route.path() : "UNMATCHED";
    }
}
