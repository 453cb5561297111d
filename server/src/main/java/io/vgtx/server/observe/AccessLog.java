package io.vgtx.server.observe;

import io.javalin.http.Context;
import io.vgtx.server.http.RequestAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, as key/value pairs (JSON with the server's logback configuration): request id,
 * method, route template, status and duration. Never the raw path or query string (they may carry tokens or
 * hashes), never a header, never a body.
 */
public final class AccessLog {
    public static final String LOGGER = "io.vgtx.server.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    public static void log(Context ctx, double durationMs) {
        LOG.atInfo()
                .addKeyValue("requestId", RequestAttributes.requestId(ctx))
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("route", RequestAttributes.routeTemplate(ctx))
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("durationMs", Math.round(durationMs * 10) / 10.0)
                .log("request");
    }
}
