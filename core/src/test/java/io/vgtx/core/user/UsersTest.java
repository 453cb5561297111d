package io.vgtx.core.user;

import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class UsersTest {
    static final String PASSWORD = "correct horse battery";

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    Users users;
    Organisation police;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        users = new Users(db, clock, PasswordHasher.FOR_TESTS, LockoutPolicy.DEFAULT);
        police = new Organisations(db, clock).initOperator("Police", "GB");
    }

    @AfterEach
    void close() {
        db.close();
    }

    User alice() {
        return users.create(police.id(), "Alice", Role.ANALYST, PASSWORD, AlsoInTransaction.nothing());
    }

    @Test
    void aUserBelongsToOneOrganisationWithOneRoleAndAUniqueLowerCaseLogin() {
        User alice = alice();
        assertThat(alice.login()).isEqualTo("alice");
        assertThat(alice.organisationName()).isEqualTo("Police");
        assertThat(alice.role()).isEqualTo(Role.ANALYST);
        assertThat(users.list(police.id())).extracting(User::login).containsExactly("alice");
        assertThat(users.findByLogin(" ALICE ")).contains(alice);
        assertThatThrownBy(() -> users.create(police.id(), "alice", Role.VIEWER, PASSWORD, AlsoInTransaction.nothing()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> users.create(999, "bob", Role.VIEWER, PASSWORD, AlsoInTransaction.nothing()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void loginsAndPasswordsAreChecked() {
        assertThatThrownBy(() -> users.create(police.id(), "a b", Role.VIEWER, PASSWORD, AlsoInTransaction.nothing()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("login");
        assertThatThrownBy(() -> users.create(police.id(), "bob", Role.VIEWER, "short", AlsoInTransaction.nothing()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThat(users.generatePassword()).hasSize(20).matches("[A-Za-z2-9]+");
    }

    @Test
    void thePasswordIsStoredOnlyAsAnArgon2idHash() {
        User alice = alice();
        String stored = db.read(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id").bind("id", alice.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
        assertThat(PasswordHasher.verify(PASSWORD, stored)).isTrue();
    }

    @Test
    void signInChecksThePassword() {
        alice();
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(users.signIn("ALICE", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(users.signIn("alice", PASSWORD + "x")).isEqualTo(new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, false));
        assertThat(users.signIn("nobody", PASSWORD)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.UNKNOWN_LOGIN, false));
        assertThat(users.signIn(null, null)).isInstanceOf(SignInResult.Refused.class);
        assertThat(users.signIn("alice", "x".repeat(5000))).as("over-long: refused, counted")
                .isEqualTo(new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, false));
        assertThat(users.find(users.findByLogin("alice").orElseThrow().id()).orElseThrow().failedAttempts()).isEqualTo(2);
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
        alice();
        for (int i = 1; i <= 4; i++) assertThat(users.signIn("alice", "wrong " + i)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, false));
        assertThat(users.signIn("alice", "wrong 5")).isEqualTo(new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, true));
        assertThat(users.signIn("alice", PASSWORD)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.LOCKED, false));
        clock.advance(Duration.ofMinutes(14));
        assertThat(users.signIn("alice", PASSWORD)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.LOCKED, false));
        clock.advance(Duration.ofMinutes(1));
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void aSuccessResetsTheCountAndAnAdminCanUnlock() {
        User alice = alice();
        for (int i = 0; i < 4; i++) users.signIn("alice", "wrong");
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        for (int i = 0; i < 4; i++) assertThat(users.signIn("alice", "wrong")).isEqualTo(new SignInResult.Refused(SignInResult.Reason.WRONG_PASSWORD, false));
        users.signIn("alice", "wrong");
        assertThat(users.find(alice.id()).orElseThrow().isLocked(clock.instant())).isTrue();
        users.enable(alice.id(), AlsoInTransaction.nothing());
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void aDisabledUserCannotSignInAndADeletedOneIsGone() {
        User alice = alice();
        users.disable(alice.id(), AlsoInTransaction.nothing());
        assertThat(users.signIn("alice", PASSWORD)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.DISABLED, false));
        users.enable(alice.id(), AlsoInTransaction.nothing());
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        users.delete(alice.id(), AlsoInTransaction.nothing());
        assertThat(users.find(alice.id())).isEmpty();
        assertThat(users.signIn("alice", PASSWORD)).isEqualTo(new SignInResult.Refused(SignInResult.Reason.UNKNOWN_LOGIN, false));
        assertThatThrownBy(() -> users.disable(alice.id(), AlsoInTransaction.nothing())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNewPasswordReplacesTheOldAndAnOutdatedHashIsUpgradedAtSignIn() {
        User alice = alice();
        users.setPassword(alice.id(), "a brand new password", AlsoInTransaction.nothing());
        assertThat(users.signIn("alice", PASSWORD)).isInstanceOf(SignInResult.Refused.class);
        Users stronger = new Users(db, clock, new PasswordHasher(128, 2, 1), LockoutPolicy.DEFAULT);
        assertThat(stronger.signIn("alice", "a brand new password")).isInstanceOf(SignInResult.SignedIn.class);
        String stored = db.read(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id").bind("id", alice.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
    }
}
