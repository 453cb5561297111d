package io.vgtx.core.auth;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.org.Organisations;
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
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class TokensTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock;
    Organisations orgs;
    Tokens tokens;
    Organisation police;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        clock = new TestClock(NOW);
        orgs = new Organisations(db, clock);
        tokens = new Tokens(db, clock);
        police = orgs.initOperator("Police", "GB");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInUnpaddedBase64Url() {
        IssuedToken token = tokens.issue(police.id(), Role.ANALYST, Optional.empty(), "laptop");

        assertThat(token.secret()).startsWith("vgtx_").hasSize(5 + 43).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(token.secret().substring(5))).hasSize(32);
        assertThat(token.role()).isEqualTo(Role.ANALYST);
        assertThat(token.expiresAt()).isEmpty();
    }

    @Test
    void everySecretIsDifferent() {
        Set<String> secrets = new HashSet<>();
        for (int n = 0; n < 50; n++) secrets.add(tokens.issue(police.id(), Role.VIEWER, Optional.empty(), "t" + n).secret());
        assertThat(secrets).hasSize(50);
    }

    @Test
    void onlyTheSecretsSha256IsStored() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");

        List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_tokens").mapToMap().list());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("secret_sha256")).isEqualTo(Tokens.sha256(token.secret()));
            assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token.secret().substring(5)));
        });
        assertThat(Tokens.sha256(token.secret())).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void theSecretIsNotInTheIssuedTokensToString() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");

        assertThat(token.toString()).doesNotContain(token.secret()).contains("ADMIN");
    }

    @Test
    void aSecretAuthenticatesAsItsOrganisationAndRole() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");

        assertThat(tokens.authenticate(token.secret())).contains(new Principal(token.id(), police.id(), "Police",
                OrganisationKind.LAW_ENFORCEMENT, MembershipState.ACTIVE, Role.ADMIN, true));
        assertThat(tokens.verify(token.secret())).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void anUnknownOrMalformedSecretIsRejectedAsUnknown() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");
        String other = "vgtx_" + "A".repeat(43);

        for (String secret : new String[]{other, "", null, token.secret() + "x", token.secret().substring(5), " " + token.secret()}) {
            assertThat(tokens.verify(secret)).as(String.valueOf(secret)).isEqualTo(new AuthResult.Rejected(AuthResult.Reason.UNKNOWN));
            assertThat(tokens.authenticate(secret)).isEmpty();
        }
    }

    @Test
    void aRevokedTokenIsRejectedAsRevoked() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");

        TokenInfo revoked = tokens.revoke(token.id());

        assertThat(revoked.revokedAt()).contains(NOW);
        assertThat(tokens.verify(token.secret())).isEqualTo(new AuthResult.Rejected(AuthResult.Reason.REVOKED));
        assertThat(tokens.authenticate(token.secret())).isEmpty();
    }

    @Test
    void revokingTwiceKeepsTheFirstTime() {
        IssuedToken token = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), "admin");
        tokens.revoke(token.id());
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.revoke(token.id()).revokedAt()).contains(NOW);
    }

    @Test
    void anExpiredTokenIsRejectedAsExpiredFromItsExpiryOn() {
        IssuedToken token = tokens.issue(police.id(), Role.VIEWER, Optional.of(Duration.ofHours(1)), "short");
        assertThat(token.expiresAt()).contains(NOW.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(tokens.authenticate(token.secret())).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.verify(token.secret())).isEqualTo(new AuthResult.Rejected(AuthResult.Reason.EXPIRED));
        assertThat(tokens.authenticate(token.secret())).isEmpty();
    }

    @Test
    void aSuspensionShowsInTheVeryNextAuthentication() {
        Organisations anyOne = new Organisations(db, clock, io.vgtx.core.org.QuorumRule.fixed(1));
        tokens.issue(police.id(), Role.BOARD, Optional.empty(), "board");
        Organisation hotline = anyOne.apply("Hotline", OrganisationKind.HOTLINE, "DE", null);
        anyOne.vote(hotline.id(), police.id(), "token:1", true);
        anyOne.recordAgreement(hotline.id(), "1", "Jane", "token:1");
        IssuedToken token = tokens.issue(hotline.id(), Role.ANALYST, Optional.empty(), "analyst");
        assertThat(tokens.authenticate(token.secret()).orElseThrow().may(Permission.WRITE)).isTrue();

        orgs.suspend(hotline.id());

        Principal suspended = tokens.authenticate(token.secret()).orElseThrow();
        assertThat(suspended.state()).isEqualTo(MembershipState.SUSPENDED);
        assertThat(suspended.isActive()).isFalse();
        assertThat(suspended.may(Permission.READ)).isFalse();
        orgs.reinstate(hotline.id());
        assertThat(tokens.authenticate(token.secret()).orElseThrow().may(Permission.READ)).isTrue();
    }

    @Test
    void listsAnOrganisationsTokensWithoutSecrets() {
        IssuedToken admin = tokens.issue(police.id(), Role.ADMIN, Optional.empty(), " admin ");
        IssuedToken viewer = tokens.issue(police.id(), Role.VIEWER, Optional.of(Duration.ofDays(30)), "dashboard");
        tokens.revoke(viewer.id());

        assertThat(tokens.list(police.id())).containsExactly(
                new TokenInfo(admin.id(), police.id(), Role.ADMIN, "admin", NOW, Optional.empty(), Optional.empty()),
                new TokenInfo(viewer.id(), police.id(), Role.VIEWER, "dashboard", NOW, Optional.of(NOW.plus(Duration.ofDays(30))), Optional.of(NOW)));
        assertThat(tokens.list(police.id()).getFirst().isLive(NOW)).isTrue();
        assertThat(tokens.list(police.id()).getLast().isLive(NOW)).isFalse();
        assertThat(tokens.list(police.id() + 1)).isEmpty();
    }

    @Test
    void refusesAnUnknownOrganisationABlankLabelAndANonPositiveLifetime() {
        assertThatThrownBy(() -> tokens.issue(police.id() + 100, Role.ADMIN, Optional.empty(), "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tokens.issue(police.id(), Role.ADMIN, Optional.empty(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(police.id(), Role.ADMIN, Optional.of(Duration.ZERO), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(police.id(), Role.ADMIN, Optional.of(Duration.ofSeconds(-1)), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.revoke(12345)).isInstanceOf(NotFoundException.class);
        assertThat(tokens.list(police.id())).isEmpty();
    }
}
