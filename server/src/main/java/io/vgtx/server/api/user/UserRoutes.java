package io.vgtx.server.api.user;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.CredentialRules;
import io.vgtx.core.auth.CredentialRules.Grant;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.user.User;
import io.vgtx.core.user.Users;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Console user accounts, administered like API tokens: by the organisation's own ADMIN, and by a node administrator
 * only as {@link CredentialRules} allows (BOARD seats, a first or recovery ADMIN; reading, not changing, the others).
 * A user may do exactly what a token of its organisation and role may. Passwords are never returned, except one
 * the node generated, once, in the response that created it.
 */
public final class UserRoutes implements ApiRoutes {
    private final Users users;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Notifications notifications;
    private final InstantSource clock;

    public UserRoutes(NodeServices services) {
        this.users = services.users();
        this.organisations = services.organisations();
        this.audit = services.audit();
        this.notifications = services.notifications();
        this.clock = services.clock();
    }

    /** @param password at least 12 characters; omit it and the node generates one (returned once) */
    public record NewUser(String login, Role role, String password) {}

    public record NewPassword(String password) {}

    public record UserView(long id, long organisationId, String organisation, String login, Role role, Instant createdAt,
                           Instant disabledAt, Instant lockedUntil, Instant lastSignInAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.organisationId(), u.organisationName(), u.login(), u.role(), u.createdAt(),
                    u.disabledAt().orElse(null), u.lockedUntil().orElse(null), u.lastSignInAt().orElse(null));
        }
    }

    /** @param password only when the node generated it: shown this once, never again */
    public record UserCreated(UserView user, String password) {}

    public record UserList(List<UserView> users) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/organisations/{id}/users").summary("Create a console user (the organisation's ADMIN; the node administrator only a BOARD user, or a first or recovery ADMIN)").tag("users")
                        .description("The user signs in at `/` with its login and password and may do what a token of the same "
                                + "organisation and role may. Without `password` the node generates one and returns it in this response only. "
                                + "Logins are unique on the node, lower-cased; passwords have " + Users.MIN_PASSWORD + " to " + Users.MAX_PASSWORD
                                + " characters and are stored as Argon2id hashes. A login that looks like a taken one (`a1ice`, `alice`) is refused. "
                                + "Who may create which user is as for tokens: BOARD users only by a node administrator, which gives another "
                                + "organisation no ANALYST or VIEWER user and an ADMIN only when it has no active ADMIN.")
                        .accepts(NewUser.class).returns(201, UserCreated.class)
                        .handle(this::create),
                ApiRoute.get("/api/v1/organisations/{id}/users").summary("An organisation's console users").tag("users")
                        .returns(UserList.class)
                        .handle(call -> {
                            Organisation org = organisation(call);
                            requireAdminOf(call, org);
                            return new UserList(users.list(org.id()).stream().map(UserView::of).toList());
                        }),
                ApiRoute.get("/api/v1/users/{id}").summary("One console user").tag("users")
                        .returns(UserView.class)
                        .handle(call -> UserView.of(userFor(call, Optional.empty()))),
                ApiRoute.post("/api/v1/users/{id}/disable").summary("Disable a console user; its sessions end at once").tag("users")
                        .returns(UserView.class)
                        .handle(call -> change(call, AuditActions.USER_DISABLE, CredentialRules.Change.TAKE_AWAY, (id, also) -> users.disable(id, also))),
                ApiRoute.post("/api/v1/users/{id}/enable").summary("Enable a console user again, and lift a lock-out").tag("users")
                        .returns(UserView.class)
                        .handle(call -> change(call, AuditActions.USER_ENABLE, CredentialRules.Change.HAND_OVER, (id, also) -> users.enable(id, also))),
                ApiRoute.post("/api/v1/users/{id}/password").summary("Set a console user's password; its sessions end").tag("users")
                        .description("Without `password` the node generates one and returns it in this response only. Only the "
                                + "organisation's ADMIN sets its users' passwords; a BOARD user's, and enabling one, only a node administrator.")
                        .accepts(NewPassword.class).returns(UserCreated.class)
                        .handle(this::password),
                ApiRoute.delete("/api/v1/users/{id}").summary("Delete a console user; its sessions end").tag("users")
                        .description("What it did stays in the audit trail under its name.")
                        .returns(UserView.class)
                        .handle(call -> change(call, AuditActions.USER_DELETE, CredentialRules.Change.TAKE_AWAY, (id, also) -> users.delete(id, also))));
    }

    private ApiResponse create(ApiCall call) throws IOException {
        Organisation org = organisation(call);
        Principal principal = requireAdminOf(call, org);
        NewUser body = call.body(NewUser.class);
        if (body.login() == null || body.role() == null)
            throw ApiProblem.validation("Fields 'login' and 'role' (ADMIN, ANALYST, VIEWER or BOARD) are required.");
        String password = body.password() == null ? users.generatePassword() : body.password();
        User user = users.create(org.id(), body.login(), body.role(), password, (handle, created) -> {
            Grant grant = CredentialRules.mayIssue(handle, principal, org.id(), org.name(), created.role(),
                    new CredentialRules.Issued(CredentialRules.Issued.Kind.USER, created.id()), clock.instant());
            audit.append(handle, Actor.of(principal), AuditActions.USER_CREATE, "user:" + created.id(), Outcome.OK,
                    Map.of("organisation", org.name(), "login", created.login(), "role", created.role().name(), "grant", grant.name()));
            if (grant.byNodeForAnother()) notifications.notify(handle, org.name(), NotificationKind.CREDENTIAL_ISSUED_BY_NODE,
                    "user:" + created.id(), Map.of("role", created.role().name(), "login", created.login(), "grant", grant.name(),
                            "by", principal.organisationName()));
        });
        return ApiResponse.json(201, new UserCreated(UserView.of(user), body.password() == null ? password : null));
    }

    private UserCreated password(ApiCall call) throws IOException {
        User target = userFor(call, CredentialRules.Change.HAND_OVER, "set the password of a user");
        Principal principal = principal(call);
        NewPassword body = call.body(NewPassword.class);
        String password = body.password() == null ? users.generatePassword() : body.password();
        User changed = users.setPassword(target.id(), password, (handle, u) -> audit.append(handle, Actor.of(principal), AuditActions.USER_PASSWORD,
                "user:" + u.id(), Outcome.OK, Map.of("organisation", u.organisationName(), "login", u.login())));
        return new UserCreated(UserView.of(changed), body.password() == null ? password : null);
    }

    private interface Change {
        User apply(long userId, AlsoInTransaction<User> also);
    }

    private UserView change(ApiCall call, String action, CredentialRules.Change kind, Change change) {
        User target = userFor(call, kind, action.substring("user.".length()) + " a user");
        Principal principal = principal(call);
        return UserView.of(change.apply(target.id(), (handle, u) -> audit.append(handle, Actor.of(principal), action, "user:" + u.id(),
                Outcome.OK, Map.of("organisation", u.organisationName(), "login", u.login()))));
    }

    private User userFor(ApiCall call, CredentialRules.Change change, String what) {
        return userFor(call, Optional.of(Map.entry(change, what)));
    }

    /**
     * The user of the path, once the caller is shown to administer its organisation (else 403; unknown: 404), and, for
     * a change, that {@link CredentialRules#mayChange} allows it: the node administrator reads another organisation's
     * users but changes only its BOARD users.
     */
    private User userFor(ApiCall call, Optional<Map.Entry<CredentialRules.Change, String>> change) {
        long id = Params.id(call, "id");
        User user = users.find(id).orElseThrow(() -> new NotFoundException("no user " + id));
        Organisation org = organisations.find(user.organisationId()).orElseThrow();
        Principal principal = requireAdminOf(call, org);
        change.ifPresent(c -> CredentialRules.mayChange(principal, org.id(), org.name(), user.role(), c.getKey(),
                c.getValue() + " (" + user.role() + ")"));
        return user;
    }

    /** A node administrator, or an ADMIN of {@code org} itself. */
    private static Principal requireAdminOf(ApiCall call, Organisation org) {
        Principal principal = principal(call);
        if (principal.may(Permission.NODE_ADMIN)) return principal;
        if (principal.organisationId() == org.id() && principal.may(Permission.MANAGE_ORGANISATION)) return principal;
        AccessDeniedException.require(principal, Permission.MANAGE_ORGANISATION);
        throw new AccessDeniedException("only a node administrator or an ADMIN of organisation '" + org.name() + "' may do this");
    }

    private Organisation organisation(ApiCall call) {
        long id = Params.id(call, "id");
        return organisations.find(id).orElseThrow(() -> new NotFoundException("no organisation " + id));
    }


    private static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }
}
