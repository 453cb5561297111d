package io.vgtx.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * Removes the method-override headers before the web framework sees a request, so that a request is always routed by
 * its own method. Javalin's {@code Context.method()} believes {@code X-HTTP-Method-Override}: a {@code GET} carrying
 * {@code X-HTTP-Method-Override: POST} ran the POST route, so a link or an image tag in a signed-in member's browser
 * (no CSRF check on a GET) created banks and revoked tokens. The node takes no override in any form: these headers
 * are dropped and a {@code _method} query parameter means nothing to it.
 */
public final class MethodOverrideHeaders extends Handler.Wrapper {
    /** The spellings in use (Javalin reads the first; other frameworks the others). */
    public static final List<String> NAMES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (NAMES.stream().noneMatch(headers::contains)) return super.handle(request, response, callback);
        HttpFields.Mutable without = HttpFields.build(headers);
        NAMES.forEach(without::remove);
        HttpFields stripped = without.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return stripped;
            }
        }, response, callback);
    }
}
