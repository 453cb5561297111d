package io.vgtx.core.auth;

import io.vgtx.core.input.CleanText;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens: issued to an organisation with a role, shown once, stored as the SHA-256 of the secret,
 * revocable, optionally expiring.
 *
 * <p>A secret is {@value #PREFIX} and 32 random bytes in unpadded base64url: the prefix lets secret
 * scanners recognise a leaked token. 256 random bits need no slow password hash: a single SHA-256
 * cannot be reversed or guessed, and looking up by it means no secret is ever compared in code.
 */
public final class Tokens {
    public static final String PREFIX = "vgtx_";
    /** A label tells tokens apart in a list. */
    public static final int MAX_LABEL = 200;
    private static final int SECRET_BYTES = 32;
    private static final Pattern SECRET_SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

    private final Database database;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public Tokens(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Issues a token to an organisation. A token of an organisation that is not ACTIVE still
     * authenticates, but its principal may do nothing ({@link Principal#may}) until the organisation is.
     *
     * @param ttl   how long it is valid; empty for no expiry
     * @param label what it is for, to tell tokens apart in a list
     * @throws NotFoundException        for an unknown organisation
     * @throws IllegalArgumentException for a blank label or a ttl that is not positive
     */
    public IssuedToken issue(long orgId, Role role, Optional<Duration> ttl, String label) {
        return issue(orgId, role, ttl, label, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public IssuedToken issue(long orgId, Role role, Optional<Duration> ttl, String label, AlsoInTransaction<IssuedToken> also) {
        return database.write(handle -> {
            IssuedToken issued = issue(handle, orgId, role, ttl, label);
            also.run(handle, issued);
            return issued;
        });
    }

    /** Issues inside the caller's write transaction (e.g. with the organisation it is for): it commits or rolls back with it. */
    public IssuedToken issue(Handle handle, long orgId, Role role, Optional<Duration> ttl, String label) {
        label = CleanText.name("token label", label, MAX_LABEL);
        ttl.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("token lifetime must be positive, not " + d);
        });
        String secret = newSecret();
        Instant now = now();
        Optional<Instant> expiresAt = ttl.map(now::plus).map(t -> t.truncatedTo(ChronoUnit.MILLIS));
        if (handle.createQuery("SELECT COUNT(*) FROM organisations WHERE id = :id").bind("id", orgId).mapTo(int.class).one() == 0) {
            throw new NotFoundException("no organisation with id " + orgId);
        }
        String hash = sha256(secret);
        handle.createUpdate("""
                        INSERT INTO api_tokens (organisation_id, role, label, secret_sha256, created_at, expires_at)
                        VALUES (:org, :role, :label, :hash, :created, :expires)""")
                .bind("org", orgId).bind("role", role.name()).bind("label", label.strip())
                .bind("hash", hash).bind("created", now.toEpochMilli())
                .bind("expires", expiresAt.map(Instant::toEpochMilli).orElse(null))
                .execute();
        // Read back by the unique hash: portable, where generated-key retrieval differs by driver.
        long tokenId = handle.createQuery("SELECT id FROM api_tokens WHERE secret_sha256 = :hash").bind("hash", hash).mapTo(long.class).one();
        return new IssuedToken(tokenId, secret, role, expiresAt);
    }

    /**
     * Revokes a token from now on; revoking it again keeps the first time.
     *
     * @throws NotFoundException for an unknown token
     */
    public TokenInfo revoke(long tokenId) {
        return revoke(tokenId, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public TokenInfo revoke(long tokenId, AlsoInTransaction<TokenInfo> also) {
        return database.write(handle -> {
            handle.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", now().toEpochMilli()).bind("id", tokenId).execute();
            TokenInfo revoked = handle.createQuery("SELECT * FROM api_tokens WHERE id = :id").bind("id", tokenId)
                    .map((rs, ctx) -> info(rs)).findOne()
                    .orElseThrow(() -> new NotFoundException("no token with id " + tokenId));
            also.run(handle, revoked);
            return revoked;
        });
    }

    /** One token's record (never its secret). */
    public Optional<TokenInfo> find(long tokenId) {
        return database.read(handle -> handle.createQuery("SELECT * FROM api_tokens WHERE id = :id").bind("id", tokenId)
                .map((rs, ctx) -> info(rs)).findOne());
    }

    /** An organisation's tokens, revoked and expired ones included, oldest first. */
    public List<TokenInfo> list(long orgId) {
        return database.read(handle -> handle.createQuery("SELECT * FROM api_tokens WHERE organisation_id = :org ORDER BY id")
                .bind("org", orgId).map((rs, ctx) -> info(rs)).list());
    }

    /** The principal a secret stands for, or empty when it is unknown, revoked or expired. */
    public Optional<Principal> authenticate(String secret) {
        return verify(secret) instanceof AuthResult.Authenticated(Principal principal) ? Optional.of(principal) : Optional.empty();
    }

    /**
     * As {@link #authenticate}, saying why a secret was refused. The organisation is read in the same
     * query, so its current state (a suspension a moment ago) is what the principal carries.
     */
    public AuthResult verify(String secret) {
        if (secret == null || !SECRET_SHAPE.matcher(secret).matches()) return new AuthResult.Rejected(AuthResult.Reason.UNKNOWN);
        String hash = sha256(secret);
        Instant now = now();
        return database.read(handle -> handle.createQuery("""
                        SELECT t.id, t.role, t.expires_at, t.revoked_at, o.id AS org_id, o.name, o.kind, o.state, o.operator
                        FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
                        WHERE t.secret_sha256 = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> result(rs, now))
                .findOne()
                .orElse(new AuthResult.Rejected(AuthResult.Reason.UNKNOWN)));
    }

    private static AuthResult result(ResultSet rs, Instant now) throws SQLException {
        rs.getLong("revoked_at");
        if (!rs.wasNull()) return new AuthResult.Rejected(AuthResult.Reason.REVOKED);
        long expiresAt = rs.getLong("expires_at");
        if (!rs.wasNull() && now.toEpochMilli() >= expiresAt) return new AuthResult.Rejected(AuthResult.Reason.EXPIRED);
        return new AuthResult.Authenticated(new Principal(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), MembershipState.valueOf(rs.getString("state")),
                Role.valueOf(rs.getString("role")), rs.getBoolean("operator")));
    }

    private static TokenInfo info(ResultSet rs) throws SQLException {
        return new TokenInfo(rs.getLong("id"), rs.getLong("organisation_id"), Role.valueOf(rs.getString("role")),
                rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")),
                optionalInstant(rs, "expires_at"), optionalInstant(rs, "revoked_at"));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored for a secret: lower-case hex SHA-256 of its UTF-8 text. */
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
