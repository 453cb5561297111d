package io.vgtx.core.user;

import io.vgtx.core.auth.Role;
import io.vgtx.core.names.Skeleton;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console user accounts: one organisation and one role each (what a token of that organisation and role may
 * do, the user may do), a unique login, an Argon2id password hash ({@link PasswordHasher}), and a lock-out after
 * repeated failed sign-ins ({@link LockoutPolicy}). Disabling or deleting a user, or setting a new password,
 * ends the user's sessions in the same transaction.
 */
public final class Users {
    /** Logins are lower-cased: {@code Alice} and {@code alice} are one account. */
    public static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;
    private static final String SELECT = """
            SELECT u.*, o.name AS organisation_name FROM users u JOIN organisations o ON o.id = u.organisation_id""";
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Database database;
    private final InstantSource clock;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final SecureRandom random = new SecureRandom();

    public Users(Database database, InstantSource clock) {
        this(database, clock, PasswordHasher.DEFAULT, LockoutPolicy.DEFAULT);
    }

    public Users(Database database, InstantSource clock, PasswordHasher hasher, LockoutPolicy lockout) {
        this.database = database;
        this.clock = clock;
        this.hasher = hasher;
        this.lockout = lockout;
    }

    public LockoutPolicy lockout() {
        return lockout;
    }

    /** The login as stored: stripped and lower-cased. @throws IllegalArgumentException when it is not a valid login */
    public static String normaliseLogin(String login) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(normal).matches())
            throw new IllegalArgumentException("a login is 2 to 64 characters: letters, digits and . _ @ - (starting with a letter or digit)");
        return normal;
    }

    /** @throws IllegalArgumentException when the password is shorter than {@value #MIN_PASSWORD} or longer than {@value #MAX_PASSWORD} characters */
    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD)
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        if (password.length() > MAX_PASSWORD) throw new IllegalArgumentException("a password has at most " + MAX_PASSWORD + " characters");
        if (password.isBlank()) throw new IllegalArgumentException("a password must not be blank");
    }

    /** A random password of 20 letters and digits (about 116 bits), for a user created without one. */
    public String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        return password.toString();
    }

    /**
     * Creates a user of an organisation.
     *
     * @throws NotFoundException        for an unknown organisation
     * @throws AlreadyExistsException   when the login is taken
     * @throws IllegalArgumentException for an invalid login or password
     */
    public User create(long orgId, String login, Role role, String password, AlsoInTransaction<User> also) {
        Objects.requireNonNull(role, "role");
        String normal = normaliseLogin(login);
        checkPassword(password);
        String hash = hasher.hash(password);
        Instant now = now();
        return database.write(handle -> {
            if (handle.createQuery("SELECT COUNT(*) FROM organisations WHERE id = :id").bind("id", orgId).mapTo(int.class).one() == 0)
                throw new NotFoundException("no organisation with id " + orgId);
            if (handle.createQuery("SELECT COUNT(*) FROM users WHERE login = :login").bind("login", normal).mapTo(int.class).one() > 0)
                throw new AlreadyExistsException("the login '" + normal + "' is taken");
            // a1ice for alice, rn for m: a look-alike login would pass for another person in audit trails and votes.
            String skeleton = Skeleton.of(normal);
            if (handle.createQuery("SELECT COUNT(*) FROM users WHERE login_skeleton = :skeleton").bind("skeleton", skeleton).mapTo(int.class).one() > 0)
                throw new AlreadyExistsException("the login '" + normal + "' looks like a login taken on this node (a1ice and alice, rn and m)");
            handle.createUpdate("""
                            INSERT INTO users (organisation_id, login, role, password_hash, created_at, failed_attempts, login_skeleton)
                            VALUES (:org, :login, :role, :hash, :now, 0, :skeleton)""")
                    .bind("skeleton", skeleton)
                    .bind("org", orgId).bind("login", normal).bind("role", role.name()).bind("hash", hash).bind("now", now.toEpochMilli())
                    .execute();
            User user = byLogin(handle, normal).orElseThrow();
            also.run(handle, user);
            return user;
        });
    }

    public Optional<User> find(long id) {
        return database.read(handle -> handle.createQuery(SELECT + " WHERE u.id = :id").bind("id", id).map((rs, ctx) -> user(rs)).findOne());
    }

    public Optional<User> findByLogin(String login) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return database.read(handle -> byLogin(handle, normal));
    }

    /** An organisation's users, oldest first. */
    public List<User> list(long orgId) {
        return database.read(handle -> handle.createQuery(SELECT + " WHERE u.organisation_id = :org ORDER BY u.id")
                .bind("org", orgId).map((rs, ctx) -> user(rs)).list());
    }

    /** Stops the user signing in and ends its sessions; disabling again keeps the first time. */
    public User disable(long id, AlsoInTransaction<User> also) {
        return change(id, also, handle -> {
            handle.createUpdate("UPDATE users SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL")
                    .bind("now", now().toEpochMilli()).bind("id", id).execute();
            Sessions.endAll(handle, id);
        });
    }

    /** Lets a disabled or locked-out user sign in again. */
    public User enable(long id, AlsoInTransaction<User> also) {
        return change(id, also, handle -> handle.createUpdate(
                "UPDATE users SET disabled_at = NULL, failed_attempts = 0, locked_until = NULL WHERE id = :id").bind("id", id).execute());
    }

    /** Sets a new password (and unlocks); the user's sessions end. */
    public User setPassword(long id, String password, AlsoInTransaction<User> also) {
        checkPassword(password);
        String hash = hasher.hash(password);
        return change(id, also, handle -> {
            handle.createUpdate("UPDATE users SET password_hash = :hash, failed_attempts = 0, locked_until = NULL WHERE id = :id")
                    .bind("hash", hash).bind("id", id).execute();
            Sessions.endAll(handle, id);
        });
    }

    /** Deletes the user and its sessions; what it did stays in the audit trail under its name. Returns the user as it was. */
    public User delete(long id, AlsoInTransaction<User> also) {
        return database.write(handle -> {
            User user = byId(handle, id);
            Sessions.endAll(handle, id);
            handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute();
            also.run(handle, user);
            return user;
        });
    }

    /**
     * Checks a login and password, counting failures: at {@link LockoutPolicy#maxFailures} in a row the account is
     * locked for {@link LockoutPolicy#lockFor}, during which no password is checked. An unknown login costs as
     * much time as a known one. A success resets the count and, when the hash's parameters are outdated,
     * re-hashes the password with the current ones.
     */
    public SignInResult signIn(String login, String password) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        String given = password == null ? "" : password;
        if (given.length() > MAX_PASSWORD) given = given.substring(0, MAX_PASSWORD + 1);
        Optional<Stored> stored = database.read(handle -> handle.createQuery(SELECT + " WHERE u.login = :login").bind("login", normal)
                .map((rs, ctx) -> new Stored(user(rs), rs.getString("password_hash"))).findOne());
        if (stored.isEmpty()) {
            hasher.burn(given);
            return new SignInResult.Refused(SignInResult.Reason.UNKNOWN_LOGIN, false);
        }
        User user = stored.get().user();
        Instant now = now();
        if (user.isDisabled()) {
            hasher.burn(given);
            return new SignInResult.Refused(SignInResult.Reason.DISABLED, false);
        }
        if (user.isLocked(now)) {
            hasher.burn(given);
            return new SignInResult.Refused(SignInResult.Reason.LOCKED, false);
        }
        boolean matches;
        if (given.length() > MAX_PASSWORD) {
            hasher.burn(given); // as long as a real check: an over-long password must not tell known logins from unknown ones
            matches = false;
        } else {
            matches = PasswordHasher.verify(given, stored.get().hash());
        }
        String rehash = matches && hasher.needsRehash(stored.get().hash()) ? hasher.hash(given) : null;
        return database.write(handle -> {
            if (matches) {
                handle.createUpdate("UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = :now WHERE id = :id")
                        .bind("now", now.toEpochMilli()).bind("id", user.id()).execute();
                if (rehash != null) {
                    handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id").bind("hash", rehash).bind("id", user.id()).execute();
                }
                return new SignInResult.SignedIn(byId(handle, user.id()));
            }
            handle.createUpdate("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = :id").bind("id", user.id()).execute();
            int failures = handle.createQuery("SELECT failed_attempts FROM users WHERE id = :id").bind("id", user.id()).mapTo(int.class).one();
            if (failures < lockout.maxFailures()) return new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, false);
            handle.createUpdate("UPDATE users SET failed_attempts = 0, locked_until = :until WHERE id = :id")
                    .bind("until", now.plus(lockout.lockFor()).toEpochMilli()).bind("id", user.id()).execute();
            return new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, true);
        });
    }

    private interface Change {
        void apply(Handle handle);
    }

    private User change(long id, AlsoInTransaction<User> also, Change change) {
        return database.write(handle -> {
            byId(handle, id);
            change.apply(handle);
            User user = byId(handle, id);
            also.run(handle, user);
            return user;
        });
    }

    private static User byId(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE u.id = :id").bind("id", id).map((rs, ctx) -> user(rs)).findOne()
                .orElseThrow(() -> new NotFoundException("no user with id " + id));
    }

    private static Optional<User> byLogin(Handle handle, String login) {
        return handle.createQuery(SELECT + " WHERE u.login = :login").bind("login", login).map((rs, ctx) -> user(rs)).findOne();
    }

    private record Stored(User user, String hash) {}

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("login"),
                Role.valueOf(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "disabled_at"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "last_sign_in_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
