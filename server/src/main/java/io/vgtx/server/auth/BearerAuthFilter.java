package io.vgtx.server.auth;

import io.javalin.http.Context;
import io.vgtx.server.http.Access;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.RequestAttributes;
import io.vgtx.server.problem.ApiProblem;

import java.util.Locale;
import java.util.Optional;

/**
 * Runs before every matched route that is not {@link Access#PUBLIC}: requires {@code Authorization: Bearer
 * TOKEN}, asks the {@link BearerAuthenticator}, and puts the principal in the request attribute
 * {@link RequestAttributes#PRINCIPAL}. Missing or rejected tokens answer 401 with {@code WWW-Authenticate:
 * Bearer}; an address that presented too many rejected tokens answers 429 with {@code Retry-After} until its
 * cool-down ends, whatever it presents.
 */
public final class BearerAuthFilter {
    private static final String PREFIX = "bearer ";

    private final BearerAuthenticator<?> authenticator;
    private final AuthFailureLimiter limiter;

    public BearerAuthFilter(BearerAuthenticator<?> authenticator, AuthFailureLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    public void handle(Context ctx) {
        ApiRoute route = ctx.attribute(RequestAttributes.ROUTE);
        if (route != null && route.access() == Access.PUBLIC) return;
        // A matched endpoint that is not an ApiRoute is not public: it needs a token like the rest.
        String address = ctx.ip();
        Optional<java.time.Duration> wait = limiter.blockedFor(address);
        if (wait.isPresent()) {
            throw ApiProblem.rateLimited("Too many requests with an invalid token from this address; try again later.", wait.get());
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiProblem.unauthenticated("This route needs an 'Authorization: Bearer' token.", false);
        }
        String token = header.length() > PREFIX.length() && header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                ? header.substring(PREFIX.length()).strip() : "";
        Optional<?> principal = token.isEmpty() ? Optional.empty() : authenticator.authenticate(token);
        if (principal.isEmpty()) {
            limiter.recordFailure(address);
            throw ApiProblem.unauthenticated("The bearer token is not valid.", true);
        }
        ctx.attribute(RequestAttributes.PRINCIPAL, principal.get());
    }
}
