package io.vgtx.server.auth;

import io.javalin.http.Context;
import io.vgtx.server.http.Access;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ClientAddress;
import io.vgtx.server.http.RequestAttributes;
import io.vgtx.server.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route that is not {@link Access#PUBLIC}: requires {@code Authorization: Bearer
 * TOKEN} and asks the {@link BearerAuthenticator}, or, for a request without an {@code Authorization} header, a
 * console session cookie ({@link SessionCookie}) that the {@link SessionAuthenticator} knows. Either way the
 * principal goes in the request attribute {@link RequestAttributes#PRINCIPAL}, so routes apply the same rules to
 * both. A session's state-changing request (POST, PUT, PATCH, DELETE) must also be same-origin and carry the
 * session's CSRF token in {@value SessionCookie#CSRF_HEADER}, or it answers 403 ({@code csrf}); a bearer token is
 * never sent by a browser on its own, so it needs neither.
 *
 * <p>Missing or rejected tokens answer 401 with {@code WWW-Authenticate: Bearer}. Rejected tokens are counted per
 * client address ({@link ClientAddress}, shared with failed sign-ins, see {@link RequestAttributes#AUTH_FAILURES}) and
 * per presented token; once either has too many, its rejected tokens answer 429 with {@code Retry-After} until the
 * cool-down ends. A valid token or session always passes: behind a proxy, or on one organisation's network, one
 * client guessing must not lock out everyone who shares its address. (Guessing gains nothing from that: a token has
 * 256 random bits.)
 */
public final class BearerAuthFilter {
    private static final String PREFIX = "bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final BearerAuthenticator<?> authenticator;
    private final SessionAuthenticator<?> sessions;
    private final AuthFailureLimiter limiter;

    public BearerAuthFilter(BearerAuthenticator<?> authenticator, AuthFailureLimiter limiter) {
        this(authenticator, SessionAuthenticator.none(), limiter);
    }

    public BearerAuthFilter(BearerAuthenticator<?> authenticator, SessionAuthenticator<?> sessions, AuthFailureLimiter limiter) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    public void handle(Context ctx) {
        ctx.attribute(RequestAttributes.AUTH_FAILURES, limiter);
        ApiRoute route = ctx.attribute(RequestAttributes.ROUTE);
        if (route != null && route.access() == Access.PUBLIC) return;
        // A matched endpoint that is not an ApiRoute is not public: it needs a token like the rest.
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            Optional<String> cookie = SessionCookie.read(ctx);
            if (cookie.isPresent()) {
                session(ctx, cookie.get());
                return;
            }
            throw ApiProblem.unauthenticated("This route needs an 'Authorization: Bearer' token (or a console session).", false);
        }
        String token = header.length() > PREFIX.length() && header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                ? header.substring(PREFIX.length()).strip() : "";
        Optional<?> principal = token.isEmpty() ? Optional.empty() : authenticator.authenticate(token);
        if (principal.isEmpty()) rejected(ClientAddress.of(ctx).address(), token);
        ctx.attribute(RequestAttributes.PRINCIPAL, principal.get());
    }

    /** A rejected token: 429 while its address or the token itself is cooling down, else counted against both and 401. */
    private void rejected(String address, String token) {
        String credential = credentialKey(token);
        Optional<Duration> wait = longest(limiter.blockedFor(address), limiter.blockedFor(credential));
        if (wait.isPresent()) {
            throw ApiProblem.rateLimited("Too many requests with an invalid token from this address or with this token; try again later.", wait.get());
        }
        limiter.recordFailure(address);
        limiter.recordFailure(credential);
        throw ApiProblem.unauthenticated("The bearer token is not valid.", true);
    }

    /** The limiter's key for a presented token: a digest, so the limiter never holds a token (right or wrong) in memory. */
    static String credentialKey(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    private void session(Context ctx, String cookie) {
        Optional<? extends SessionAuthenticator.Session<?>> session = sessions.authenticate(cookie);
        if (session.isEmpty()) {
            // Not counted as a failure: an ended session is ordinary, and a session secret has 256 random bits.
            throw ApiProblem.unauthenticated("The console session has ended; sign in again.", false);
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            if (!SessionCookie.sameOrigin(ctx)) throw ApiProblem.csrf("A cross-site request may not use the console session.");
            String sent = ctx.header(SessionCookie.CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiProblem.csrf("A state-changing request with a console session needs the session's CSRF token in the "
                        + SessionCookie.CSRF_HEADER + " header.");
            }
        }
        ctx.attribute(RequestAttributes.PRINCIPAL, session.get().principal());
        ctx.attribute(RequestAttributes.SESSION, session.get());
    }
}
