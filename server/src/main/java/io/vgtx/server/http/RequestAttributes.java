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
