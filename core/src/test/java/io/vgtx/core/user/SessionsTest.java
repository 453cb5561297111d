package io.vgtx.core.user;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.auth.UserRef;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Backend.class)
class SessionsTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    Organisations orgs;
    Users users;
    Sessions sessions;
    Organisation police;
    User alice;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        orgs = new Organisations(db, clock);
        users = new Users(db, clock, PasswordHasher.FOR_TESTS, LockoutPolicy.DEFAULT);
        sessions = new Sessions(db, clock, SessionPolicy.DEFAULT);
        police = orgs.initOperator("Police", "GB");
        alice = users.create(police.id(), "alice", Role.ANALYST, "correct horse battery", AlsoInTransaction.nothing());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSessionStandsForTheSamePrincipalAsATokenOfTheSameOrganisationAndRole() {
        NewSession started = sessions.start(alice);
        Principal viaSession = sessions.resolve(started.secret()).orElseThrow().principal();
        Principal viaToken = new Tokens(db, clock).authenticate(new Tokens(db, clock).issue(police.id(), Role.ANALYST, Optional.empty(), "t").secret()).orElseThrow();
        assertThat(viaSession.user()).contains(new UserRef(alice.id(), "alice"));
        assertThat(viaSession.reference()).isEqualTo("user:" + alice.id() + " alice");
        assertThat(new Principal(viaToken.tokenId(), viaSession.organisationId(), viaSession.organisationName(), viaSession.kind(),
                viaSession.state(), viaSession.role(), viaSession.operator())).isEqualTo(viaToken);
    }

    @Test
    void onlyTheSecretsHashIsStoredAndEachSessionHasItsOwnCsrfToken() {
        NewSession one = sessions.start(alice);
        NewSession two = sessions.start(alice);
        String stored = db.read(h -> h.createQuery("SELECT secret_sha256 FROM user_sessions WHERE id = :id").bind("id", one.session().id()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(Sessions.sha256(one.secret())).isNotEqualTo(one.secret());
        assertThat(one.session().csrfToken()).isNotEqualTo(two.session().csrfToken()).hasSize(43);
        assertThat(one.toString()).doesNotContain(one.secret()).doesNotContain(one.session().csrfToken());
        assertThat(sessions.resolve("not a secret")).isEmpty();
        assertThat(sessions.resolve("A".repeat(43))).isEmpty();
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutesAndRequestsKeepItAlive() {
        String secret = sessions.start(alice).secret();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(sessions.resolve(secret)).as("after %d requests", i).isPresent();
        }
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.resolve(secret)).isEmpty();
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
        String secret = sessions.start(alice).secret();
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.resolve(secret)).isPresent();
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.resolve(secret)).isEmpty();
    }

    @Test
    void logoutDisableDeleteAndANewPasswordEndSessions() {
        String one = sessions.start(alice).secret();
        assertThat(sessions.end(one)).isTrue();
        assertThat(sessions.resolve(one)).isEmpty();
        assertThat(sessions.end(one)).isFalse();

        String two = sessions.start(alice).secret();
        users.disable(alice.id(), AlsoInTransaction.nothing());
        assertThat(sessions.resolve(two)).isEmpty();
        users.enable(alice.id(), AlsoInTransaction.nothing());

        String three = sessions.start(alice).secret();
        users.setPassword(alice.id(), "another long password", AlsoInTransaction.nothing());
        assertThat(sessions.resolve(three)).isEmpty();

        String four = sessions.start(alice).secret();
        users.delete(alice.id(), AlsoInTransaction.nothing());
        assertThat(sessions.resolve(four)).isEmpty();
    }

    @Test
    void theOrganisationsStateIsReadAfreshOnEveryRequest() {
        Organisation hotline = orgs.apply("Hotline", io.vgtx.core.org.OrganisationKind.HOTLINE, "DE", null);
        User bob = users.create(hotline.id(), "bob", Role.VIEWER, "correct horse battery", AlsoInTransaction.nothing());
        String secret = sessions.start(bob).secret();
        assertThat(sessions.resolve(secret).orElseThrow().principal().isActive()).isFalse();
        assertThat(sessions.resolve(secret).orElseThrow().principal().may(io.vgtx.core.auth.Permission.READ)).isFalse();
    }

    @Test
    void endedSessionsAreClearedOutWhenTheNextStarts() {
        sessions.start(alice);
        clock.advance(Duration.ofHours(1));
        sessions.start(alice);
        assertThat(sessions.count(alice.id())).isEqualTo(1);
    }
}
