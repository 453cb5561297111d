package io.vgtx.server.console;

import io.javalin.http.Context;
import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.UserRef;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.store.Database;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.user.NewSession;
import io.vgtx.core.user.Sessions;
import io.vgtx.core.user.SignInResult;
import io.vgtx.core.user.User;
import io.vgtx.core.user.Users;
import io.vgtx.server.auth.AuthFailureLimiter;
import io.vgtx.server.auth.SessionAuthenticator;
import io.vgtx.server.auth.SessionCookie;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ClientAddress;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.http.RequestAttributes;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;
import io.vgtx.server.problem.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the console: a form POST of login and password starts a server-side session (an HttpOnly,
 * SameSite=Strict cookie, see {@link SessionCookie}); from then on the console's scripts call the same
 * {@code /api/v1} routes as any token holder, the session standing for a principal of the user's organisation and
 * role. Failed sign-ins count per account (lock-out, {@link Users#signIn}) and per address (the server's
 * failed-authentication limiter, shared with rejected tokens).
 */
public final class ConsoleRoutes implements ApiRoutes {
    static final String FAILED =
            "Wrong login or password, or the account is locked after repeated failed sign-ins. Try again later or ask your organisation's ADMIN.";

    private final Users users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Database database;

    public ConsoleRoutes(NodeServices services) {
        this.users = services.users();
        this.sessions = services.sessions();
        this.audit = services.audit();
        this.notifications = services.notifications();
        this.database = services.database();
    }

    /**
     * Who is signed in, and what the console may offer them.
     *
     * @param csrfToken   send it in the {@code X-CSRF-Token} header of every POST, PUT, PATCH or DELETE; absent for a bearer token
     * @param permissions what the principal may do now (none while its organisation is not ACTIVE)
     */
    public record SessionView(Long userId, String login, Role role, long organisationId, String organisation, OrganisationKind kind,
                              MembershipState state, boolean operator, List<Permission> permissions, String csrfToken, Instant expiresAt) {
        static SessionView of(Principal p, Optional<SessionAuthenticator.Session<?>> session, Optional<Instant> expiresAt) {
            List<Permission> permissions = new ArrayList<>();
            for (Permission permission : Permission.values()) if (p.may(permission)) permissions.add(permission);
            return new SessionView(p.user().map(UserRef::id).orElse(null), p.user().map(UserRef::login).orElse(null), p.role(),
                    p.organisationId(), p.organisationName(), p.kind(), p.state(), p.operator(), permissions,
                    session.map(SessionAuthenticator.Session::csrfToken).orElse(null), expiresAt.orElse(null));
        }
    }

    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/console/login").summary("Sign in to the console").tag("console").publicAccess()
                        .description("A form (`application/x-www-form-urlencoded`) with `login` and `password`. Success sets the session "
                                + "cookie (`__Host-vgtx-session`; `vgtx-session` over plain HTTP on localhost only) and answers the session "
                                + "as JSON when the request accepts `application/json`, else `303` to `/`. Every failure answers alike "
                                + "(`401`, or `303` to `/login.html?failed`): a wrong password, an unknown login, a disabled user, or an "
                                + "account locked after " + users.lockout().maxFailures() + " failed sign-ins in a row (for "
                                + users.lockout().lockFor().toMinutes() + " minutes). Refused over plain HTTP except on localhost, and "
                                + "from another site's page (`Origin`).")
                        .returns(SessionView.class)
                        .handle(this::login),
                ApiRoute.post("/console/logout").summary("Sign out: the console session ends").tag("console")
                        .description("Needs the session's `X-CSRF-Token` header; the cookie is cleared.")
                        .returnsNothing()
                        .handle(this::logout),
                ApiRoute.post("/console/password").summary("Change your own password (signed-in users)").tag("console")
                        .description("`{\"currentPassword\",\"newPassword\"}` with the session's `X-CSRF-Token`. A wrong current password "
                                + "counts as a failed sign-in (lock-out). Every session of the user ends; this one is replaced by a new one "
                                + "(new cookie, new CSRF token in the answer).")
                        .accepts(PasswordChange.class).returns(SessionView.class)
                        .handle(this::changePassword),
                ApiRoute.get("/console/session").summary("Who is signed in, with the session's CSRF token").tag("console")
                        .description("With a session cookie: the user, organisation, role, what it may do, and the CSRF token for "
                                + "state-changing requests. With a bearer token: the same for the token (no CSRF token).")
                        .returns(SessionView.class)
                        .handle(this::session));
    }

    private Object login(ApiCall call) {
        Context ctx = call.context();
        boolean json = wantsJson(ctx);
        if (!SessionCookie.allowed(ctx))
            throw ApiProblem.forbidden("Sign in over HTTPS (behind a TLS proxy that sends X-Forwarded-Proto: https, named with vgtx serve --trusted-proxy); "
                    + "plain HTTP is accepted only from this machine to localhost.");
        if (!SessionCookie.sameOrigin(ctx)) throw ApiProblem.csrf("A sign-in from another site's page is refused.");
        AuthFailureLimiter limiter = ctx.attribute(RequestAttributes.AUTH_FAILURES);
        String address = ClientAddress.of(ctx).address();
        Optional<java.time.Duration> wait = limiter == null ? Optional.empty() : limiter.blockedFor(address);
        if (wait.isPresent()) throw ApiProblem.rateLimited("Too many failed sign-ins or invalid tokens from this address; try again later.", wait.get());
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded"))
            throw ApiProblem.unsupportedMediaType("Send the sign-in as a form: application/x-www-form-urlencoded with 'login' and 'password'.");
        String login = ctx.formParam("login");
        String password = ctx.formParam("password");
        if (login == null || login.isBlank() || password == null || password.isEmpty())
            throw ApiProblem.validation("Fields 'login' and 'password' are required.");

        SignInResult result = users.signIn(login, password);
        if (result instanceof SignInResult.SignedIn(User user)) {
            SessionCookie.read(ctx).ifPresent(sessions::end);
            NewSession started = sessions.start(user);
            Principal principal = started.session().principal();
            audit.append(Actor.of(principal), "user.signin", "user:" + user.id(), Outcome.OK, Map.of("login", user.login()));
            ctx.header("Set-Cookie", SessionCookie.set(ctx, started.secret()));
            ctx.header("Cache-Control", "no-store");
            SessionView view = SessionView.of(principal, Optional.of(new SessionAuthenticator.Session<>(principal, started.session().csrfToken())),
                    Optional.of(started.session().expiresAt()));
            return json ? view : ApiResponse.text(303, "text/plain", "").withHeader("Location", "/");
        }
        if (limiter != null) limiter.recordFailure(address);
        if (result instanceof SignInResult.Refused(SignInResult.Reason reason, boolean lockedNow) && lockedNow) {
            users.findByLogin(login).ifPresent(user -> locked(user, reason));
        }
        if (!json) return ApiResponse.text(303, "text/plain", "").withHeader("Location", "/login.html?failed");
        throw new ApiProblem(ProblemType.UNAUTHENTICATED, FAILED);
    }

    /** The lock-out is audited, and the user's organisation told (its ADMINs see it under Notifications), in one transaction. */
    private void locked(User user, SignInResult.Reason reason) {
        String minutes = Long.toString(users.lockout().lockFor().toMinutes());
        database.write(handle -> {
            audit.append(handle, new Actor(user.organisationName(), Optional.empty(), user.role().name(),
                            Optional.of(new UserRef(user.id(), user.login()).reference())), "user.lock", "user:" + user.id(), Outcome.DENIED,
                    Map.of("login", user.login(), "minutes", minutes, "reason", reason.name()));
            notifications.notify(handle, user.organisationName(), NotificationKind.USER_LOCKED, "user:" + user.id(),
                    Map.of("login", user.login(), "minutes", minutes));
            return null;
        });
    }

    private SessionView changePassword(ApiCall call) throws java.io.IOException {
        Context ctx = call.context();
        Principal principal = call.principal(Principal.class);
        UserRef ref = principal.user().filter(u -> ctx.attribute(RequestAttributes.SESSION) != null)
                .orElseThrow(() -> ApiProblem.validation("Only a signed-in console user changes its own password (a token has none)."));
        PasswordChange body = call.body(PasswordChange.class);
        if (body.currentPassword() == null || body.newPassword() == null)
            throw ApiProblem.validation("Fields 'currentPassword' and 'newPassword' are required.");
        Users.checkPassword(body.newPassword());
        if (!(users.signIn(ref.login(), body.currentPassword()) instanceof SignInResult.SignedIn)) {
            AuthFailureLimiter limiter = ctx.attribute(RequestAttributes.AUTH_FAILURES);
            if (limiter != null) limiter.recordFailure(ClientAddress.of(ctx).address());
            throw ApiProblem.forbidden("The current password is wrong (this counts as a failed sign-in).");
        }
        User user = users.setPassword(ref.id(), body.newPassword(), (handle, u) -> audit.append(handle, Actor.of(principal), AuditActions.USER_PASSWORD,
                "user:" + u.id(), Outcome.OK, Map.of("organisation", u.organisationName(), "login", u.login(), "by", "self")));
        NewSession started = sessions.start(user);
        ctx.header("Set-Cookie", SessionCookie.set(ctx, started.secret()));
        ctx.header("Cache-Control", "no-store");
        Principal fresh = started.session().principal();
        return SessionView.of(fresh, Optional.of(new SessionAuthenticator.Session<>(fresh, started.session().csrfToken())),
                Optional.of(started.session().expiresAt()));
    }

    private Object logout(ApiCall call) {
        Context ctx = call.context();
        SessionAuthenticator.Session<?> session = ctx.attribute(RequestAttributes.SESSION);
        if (session == null) throw ApiProblem.validation("This request has no console session to end (it used a bearer token).");
        SessionCookie.read(ctx).ifPresent(sessions::end);
        Principal principal = call.principal(Principal.class);
        audit.append(Actor.of(principal), "user.signout", "user:" + principal.user().map(UserRef::id).orElse(0L), Outcome.OK, Map.of());
        return ApiResponse.noContent().withHeader("Set-Cookie", SessionCookie.clear(ctx));
    }

    private SessionView session(ApiCall call) {
        Context ctx = call.context();
        SessionAuthenticator.Session<?> session = ctx.attribute(RequestAttributes.SESSION);
        Principal principal = call.principal(Principal.class);
        Optional<Instant> expires = session == null ? Optional.empty()
                : SessionCookie.read(ctx).flatMap(sessions::resolve).map(s -> s.expiresAt());
        ctx.header("Cache-Control", "no-store");
        return SessionView.of(principal, Optional.ofNullable(session), expires);
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }
}
