package io.vgtx.core.user;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.UserRef;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-side console sessions. The cookie holds 32 random bytes (base64url); the database holds their SHA-256,
 * so a copy of it resumes no session, and a lookup by hash compares no secret in code. Each session has its own
 * CSRF token. A session resolves to the same kind of {@link Principal} a token does, its organisation's state
 * read afresh each time (a suspension applies to the next request), with {@link Principal#user} naming the user.
 * It ends at logout, after {@link SessionPolicy#idleTimeout} without a request, {@link SessionPolicy#lifetime}
 * after sign-in, and when the user is disabled, deleted or given a new password.
 */
public final class Sessions {
    private static final Pattern SECRET_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Database database;
    private final InstantSource clock;
    private final SessionPolicy policy;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Database database, InstantSource clock) {
        this(database, clock, SessionPolicy.DEFAULT);
    }

    public Sessions(Database database, InstantSource clock, SessionPolicy policy) {
        this.database = database;
        this.clock = clock;
        this.policy = policy;
    }

    public SessionPolicy policy() {
        return policy;
    }

    /** Starts a session for a user who has just signed in; sessions that have ended are cleared out on the way. */
    public NewSession start(User user) {
        String secret = randomText();
        String csrf = randomText();
        Instant now = now();
        Instant expires = now.plus(policy.lifetime());
        long id = database.write(handle -> {
            purge(handle, now);
            handle.createUpdate("""
                            INSERT INTO user_sessions (user_id, secret_sha256, csrf_token, created_at, last_seen_at, expires_at)
                            VALUES (:user, :hash, :csrf, :now, :now, :expires)""")
                    .bind("user", user.id()).bind("hash", sha256(secret)).bind("csrf", csrf)
                    .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli()).execute();
            return handle.createQuery("SELECT id FROM user_sessions WHERE secret_sha256 = :hash").bind("hash", sha256(secret)).mapTo(long.class).one();
        });
        return new NewSession(secret, resolve(secret).filter(s -> s.id() == id)
                .orElseThrow(() -> new IllegalStateException("a session just started does not resolve")));
    }

    /**
     * The live session a cookie secret stands for, or empty when it is unknown, ended, idle too long, past its
     * lifetime, or its user is disabled.
     */
    public Optional<ConsoleSession> resolve(String secret) {
        if (secret == null || !SECRET_SHAPE.matcher(secret).matches()) return Optional.empty();
        Instant now = now();
        Optional<Row> row = database.read(handle -> handle.createQuery("""
                        SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.id AS user_id, u.login, u.role, u.disabled_at,
                               o.id AS org_id, o.name, o.kind, o.state, o.operator
                        FROM user_sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
                        WHERE s.secret_sha256 = :hash""")
                .bind("hash", sha256(secret))
                .map((rs, ctx) -> {
                    rs.getLong("disabled_at");
                    boolean disabled = !rs.wasNull();
                    Principal principal = new Principal(0, rs.getLong("org_id"), rs.getString("name"),
                            OrganisationKind.valueOf(rs.getString("kind")), MembershipState.valueOf(rs.getString("state")),
                            Role.valueOf(rs.getString("role")), rs.getBoolean("operator"),
                            Optional.of(new UserRef(rs.getLong("user_id"), rs.getString("login"))));
                    return new Row(new ConsoleSession(rs.getLong("id"), principal, rs.getString("csrf_token"),
                            Instant.ofEpochMilli(rs.getLong("expires_at"))), Instant.ofEpochMilli(rs.getLong("last_seen_at")), disabled);
                })
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        Row r = row.get();
        if (r.disabled() || !now.isBefore(r.session().expiresAt()) || !now.isBefore(r.lastSeen().plus(policy.idleTimeout()))) {
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeen().plus(policy.touchEvery()))) {
            database.write(handle -> handle.createUpdate("UPDATE user_sessions SET last_seen_at = :now WHERE id = :id AND last_seen_at < :now")
                    .bind("now", now.toEpochMilli()).bind("id", r.session().id()).execute());
        }
        return Optional.of(r.session());
    }

    /** Ends the session a cookie secret stands for (logout); nothing happens for an unknown one. Returns whether one ended. */
    public boolean end(String secret) {
        if (secret == null || !SECRET_SHAPE.matcher(secret).matches()) return false;
        return database.write(handle -> handle.createUpdate("DELETE FROM user_sessions WHERE secret_sha256 = :hash")
                .bind("hash", sha256(secret)).execute()) > 0;
    }

    /** How many sessions a user has open (ended ones not yet cleared out included). */
    public int count(long userId) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM user_sessions WHERE user_id = :user")
                .bind("user", userId).mapTo(int.class).one());
    }

    /** Ends every session of a user, inside the caller's write transaction. */
    static void endAll(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM user_sessions WHERE user_id = :user").bind("user", userId).execute();
    }

    private void purge(Handle handle, Instant now) {
        handle.createUpdate("DELETE FROM user_sessions WHERE expires_at <= :now OR last_seen_at <= :idle")
                .bind("now", now.toEpochMilli()).bind("idle", now.minus(policy.idleTimeout()).toEpochMilli()).execute();
    }

    private record Row(ConsoleSession session, Instant lastSeen, boolean disabled) {}

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
