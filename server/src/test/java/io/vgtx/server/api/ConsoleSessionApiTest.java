package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Console accounts over the API, sign-in, sessions, CSRF and lock-out, on both databases. */
@ParameterizedClass
@EnumSource(Backend.class)
class ConsoleSessionApiTest {
    static final String PASSWORD = "correct horse battery";

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    String operatorAdmin;
    Organisation hotline;
    String hotlineAdmin;

    @BeforeEach
    void start(org.junit.jupiter.api.TestInfo test) {
        // The TLS proxy test runs the node as the README says to behind one: trusting the proxy's address.
        boolean behindProxy = test.getTestMethod().map(m -> m.getName().startsWith("behindATlsProxy")).orElse(false);
        node = behindProxy
                ? new LiveNode(backend, tempDir, io.vgtx.core.report.ReportSettings.none(),
                        io.vgtx.server.ServerConfig.defaults().withTrustedProxies(java.util.List.of(io.vgtx.core.net.AddressRange.parse("127.0.0.0/8"))))
                : new LiveNode(backend, tempDir);
        operatorAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        hotline = node.taskforce.active("DE Hotline", OrganisationKind.HOTLINE);
        hotlineAdmin = node.taskforce.token(hotline, Role.ADMIN);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    ConsoleClient console() {
        return new ConsoleClient(node.server.uri());
    }

    long createUser(String token, long orgId, String login, Role role) {
        LiveNode.Reply created = node.post(token, "/api/v1/organisations/" + orgId + "/users",
                "{\"login\":\"" + login + "\",\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("password").isNull()).as("a password given is never echoed").isTrue();
        return created.json().get("user").get("id").asLong();
    }

    @Test
    void anOrganisationsAdminCreatesListsDisablesAndDeletesItsUsersAndNoOneElseCan() {
        LiveNode.Reply generated = node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"Anna\",\"role\":\"ANALYST\"}");
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        assertThat(generated.json().get("user").get("login").asText()).isEqualTo("anna");
        String password = generated.json().get("password").asText();
        assertThat(password).hasSize(20);
        assertThat(console().signIn("anna", password).status()).isEqualTo(200);

        long id = generated.json().get("user").get("id").asLong();
        String hotlineAnalyst = node.taskforce.token(hotline, Role.ANALYST);
        String otherAdmin = node.taskforce.token(node.taskforce.active("Other Police", OrganisationKind.LAW_ENFORCEMENT), Role.ADMIN);
        assertThat(node.post(hotlineAnalyst, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"x1\",\"role\":\"ADMIN\"}").status()).isEqualTo(403);
        assertThat(node.post(otherAdmin, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"x2\",\"role\":\"ADMIN\"}").status()).isEqualTo(403);
        assertThat(node.post(otherAdmin, "/api/v1/users/" + id + "/disable", "").status()).isEqualTo(403);
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"ANNA\",\"role\":\"VIEWER\"}").status()).isEqualTo(409);
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"bo\",\"role\":\"VIEWER\",\"password\":\"short\"}").status()).isEqualTo(400);
        assertThat(node.get(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users").json().get("users").findValuesAsText("login")).containsExactly("anna");
        assertThat(node.get(operatorAdmin, "/api/v1/users/" + id).json().get("login").asText()).as("the node's admin too").isEqualTo("anna");

        assertThat(node.post(hotlineAdmin, "/api/v1/users/" + id + "/disable", "").json().get("disabledAt").isNull()).isFalse();
        assertThat(console().signIn("anna", password).status()).isEqualTo(401);
        assertThat(node.post(hotlineAdmin, "/api/v1/users/" + id + "/enable", "").json().get("disabledAt").isNull()).isTrue();
        LiveNode.Reply reset = node.post(hotlineAdmin, "/api/v1/users/" + id + "/password", "{}");
        assertThat(console().signIn("anna", password).status()).isEqualTo(401);
        assertThat(console().signIn("anna", reset.json().get("password").asText()).status()).isEqualTo(200);
        assertThat(node.send("DELETE", hotlineAdmin, "/api/v1/users/" + id).status()).isEqualTo(200);
        assertThat(node.get(hotlineAdmin, "/api/v1/users/" + id).status()).isEqualTo(404);

        String audit = node.get(operatorAdmin, "/api/v1/audit?limit=1000").body();
        assertThat(audit).contains("user.create", "user.disable", "user.enable", "user.password", "user.delete", "user.signin")
                .doesNotContain(password).doesNotContain(PASSWORD);
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteStrictCookieAndTheSessionCallsTheApiAsTheUser() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient anna = console();
        ConsoleClient.Reply signedIn = anna.signIn("anna", PASSWORD);
        assertThat(signedIn.status()).isEqualTo(200);
        String setCookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("vgtx-session=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .as("plain HTTP on localhost: no Secure, no __Host-").doesNotContain("Secure");
        JsonNode session = anna.get("/console/session").json();
        assertThat(session.get("login").asText()).isEqualTo("anna");
        assertThat(session.get("organisation").asText()).isEqualTo("DE Hotline");
        assertThat(session.get("role").asText()).isEqualTo("ANALYST");
        assertThat(session.get("csrfToken").asText()).isEqualTo(anna.csrf);

        LiveNode.Reply created = new LiveNode.Reply(anna.post("/api/v1/banks", "{\"name\":\"hotline-bank\",\"distribution\":\"GREEN\"}").status(), "");
        assertThat(created.status()).isEqualTo(201);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").body()).contains("hotline-bank");
        assertThat(node.get(operatorAdmin, "/api/v1/audit?limit=1000").body()).contains("user:").contains(" anna");
    }

    @Test
    void aStateChangingSessionRequestWithoutTheCsrfTokenOrFromAnotherSiteIsRefused() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient anna = console();
        anna.signIn("anna", PASSWORD);
        ConsoleClient.Reply missing = anna.post("/api/v1/banks", "{\"name\":\"b1\",\"distribution\":\"GREEN\"}", null);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().get("type").asText()).isEqualTo("https://vgtx.io/problems/csrf");
        assertThat(anna.post("/api/v1/banks", "{\"name\":\"b2\",\"distribution\":\"GREEN\"}", "A".repeat(43)).status()).isEqualTo(403);
        assertThat(anna.send("POST", "/console/logout", anna.csrf, "https://evil.example").status()).as("cross-site Origin").isEqualTo(403);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").json().get("banks")).isEmpty();
        assertThat(anna.get("/api/v1/banks").status()).as("reads need no token").isEqualTo(200);
        // A sign-in form posted from another site's page is refused too (login CSRF).
        ConsoleClient.Reply crossSite = anna.send(HttpRequest.newBuilder(node.server.uri().resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("login=anna&password=" + PASSWORD.replace(' ', '+'))));
        assertThat(crossSite.status()).isEqualTo(403);
    }

    @Test
    void logoutEndsTheSessionAndTheCookieNoLongerWorks() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient anna = console();
        anna.signIn("anna", PASSWORD);
        assertThat(anna.send("POST", "/console/logout", null, null).status()).as("logout needs the CSRF token too").isEqualTo(403);
        ConsoleClient.Reply out = anna.send("POST", "/console/logout", anna.csrf, null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(anna.get("/api/v1/banks").status()).isEqualTo(401);
        assertThat(anna.get("/console/session").status()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndAfterTwelveHours() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient anna = console();
        anna.signIn("anna", PASSWORD);
        node.clock.advance(Duration.ofMinutes(29));
        assertThat(anna.get("/api/v1/banks").status()).isEqualTo(200);
        node.clock.advance(Duration.ofMinutes(31));
        assertThat(anna.get("/api/v1/banks").status()).isEqualTo(401);

        anna.signIn("anna", PASSWORD);
        for (int i = 0; i < 24; i++) {
            node.clock.advance(Duration.ofMinutes(29));
            assertThat(anna.get("/api/v1/banks").status()).isEqualTo(200);
        }
        node.clock.advance(Duration.ofMinutes(29));
        assertThat(anna.get("/api/v1/banks").status()).as("12 h after sign-in").isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndEveryFailureLooksTheSame() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient.Reply unknown = console().signIn("nobody", PASSWORD);
        for (int i = 0; i < 5; i++) {
            ConsoleClient.Reply wrong = console().signIn("anna", "wrong password " + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        }
        ConsoleClient.Reply locked = console().signIn("anna", PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(node.get(operatorAdmin, "/api/v1/audit?limit=1000").body()).contains("user.lock");
        assertThat(node.get(hotlineAdmin, "/api/v1/notifications").json().get("notifications").findValuesAsText("kind")).containsExactly("USER_LOCKED");
        LiveNode.Reply users = node.get(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users");
        assertThat(users.json().get("users").get(0).get("lockedUntil").isNull()).isFalse();

        node.clock.advance(Duration.ofMinutes(15));
        assertThat(console().signIn("anna", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAddressWithTooManyFailedSignInsIsMadeToWaitLikeOneGuessingTokens() {
        for (int i = 0; i < 10; i++) assertThat(console().signIn("nobody" + i, PASSWORD).status()).isEqualTo(401);
        ConsoleClient.Reply limited = console().signIn("nobody", PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        // The same limiter as for tokens: a wrong token from this address waits too, a valid one passes (issue 14).
        assertThat(node.get("vgtx_not-a-token", "/api/v1/banks").status()).isEqualTo(429);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(200);
        node.clock.advance(Duration.ofMinutes(2));
        assertThat(console().signIn("nobody", PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aFormSignInWithoutScriptsIsRedirected() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.VIEWER);
        ConsoleClient client = console();
        ConsoleClient.Reply ok = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=anna&password=" + PASSWORD.replace(' ', '+'))));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.header("Location")).contains("/");
        assertThat(ok.header("Set-Cookie")).isPresent();
        ConsoleClient.Reply failed = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=anna&password=nope")));
        assertThat(failed.status()).isEqualTo(303);
        assertThat(failed.header("Location")).contains("/login.html?failed");
        assertThat(failed.header("Set-Cookie")).isEmpty();
    }

    @Test
    void theConsoleIsServedWithAStrictContentSecurityPolicy() {
        ConsoleClient.Reply index = console().get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(index.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void behindATlsProxyTheCookieIsSecureWithTheHostPrefixAndTheLocalOneIsNotAccepted() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient client = console();
        ConsoleClient.Reply signedIn = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("login=anna&password=" + PASSWORD.replace(' ', '+'))));
        assertThat(signedIn.status()).isEqualTo(200);
        String setCookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("__Host-vgtx-session=").contains("; Secure", "HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Domain");
        String secret = setCookie.substring("__Host-vgtx-session=".length(), setCookie.indexOf(';'));
        ConsoleClient.Reply overHttps = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                .header("Cookie", "__Host-vgtx-session=" + secret).header("X-Forwarded-Proto", "https").GET());
        assertThat(overHttps.status()).isEqualTo(200);
        ConsoleClient.Reply plain = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                .header("Cookie", "__Host-vgtx-session=" + secret).GET());
        assertThat(plain.status()).as("the secure cookie is read only over HTTPS").isEqualTo(401);
        ConsoleClient.Reply wrongName = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                .header("Cookie", "vgtx-session=" + secret).header("X-Forwarded-Proto", "https").GET());
        assertThat(wrongName.status()).as("over HTTPS only the __Host- cookie counts").isEqualTo(401);
    }

    @Test
    void aBearerTokenNeedsNoCsrfTokenEvenWithASessionCookieBeside() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.ANALYST);
        ConsoleClient anna = console();
        anna.signIn("anna", PASSWORD);
        ConsoleClient.Reply withToken = anna.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                .header("Cookie", anna.cookie).header("Authorization", "Bearer " + hotlineAdmin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"by-token\",\"distribution\":\"GREEN\"}")));
        assertThat(withToken.status()).isEqualTo(201);
        ConsoleClient.Reply badToken = anna.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                .header("Cookie", anna.cookie).header("Authorization", "Bearer vgtx_not-a-token").GET());
        assertThat(badToken.status()).as("a presented token is judged alone, never replaced by the cookie").isEqualTo(401);
    }

    @Test
    void aUserChangesItsOwnPasswordAndItsOtherSessionsEnd() {
        createUser(hotlineAdmin, hotline.id(), "anna", Role.VIEWER);
        ConsoleClient laptop = console();
        laptop.signIn("anna", PASSWORD);
        ConsoleClient phone = console();
        phone.signIn("anna", PASSWORD);
        assertThat(laptop.post("/console/password", "{\"currentPassword\":\"wrong one\",\"newPassword\":\"a brand new password\"}").status()).isEqualTo(403);
        assertThat(laptop.post("/console/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}").status()).isEqualTo(400);
        assertThat(laptop.post("/console/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new password\"}", null).status())
                .as("needs the CSRF token").isEqualTo(403);
        ConsoleClient.Reply changed = laptop.post("/console/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new password\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String setCookie = changed.header("Set-Cookie").orElseThrow();
        laptop.cookie = setCookie.substring(0, setCookie.indexOf(';'));
        laptop.csrf = changed.json().get("csrfToken").asText();
        assertThat(laptop.get("/api/v1/banks").status()).as("this browser goes on with its new session").isEqualTo(200);
        assertThat(phone.get("/api/v1/banks").status()).as("the other session ended").isEqualTo(401);
        assertThat(console().signIn("anna", PASSWORD).status()).isEqualTo(401);
        assertThat(console().signIn("anna", "a brand new password").status()).isEqualTo(200);
        assertThat(node.post(hotlineAdmin, "/console/password", "{\"currentPassword\":\"x\",\"newPassword\":\"yyyyyyyyyyyyyy\"}").status())
                .as("a token has no password").isEqualTo(400);
    }
}
