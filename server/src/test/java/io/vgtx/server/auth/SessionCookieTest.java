package io.vgtx.server.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieTest {
    @ParameterizedTest
    @CsvSource({
            "localhost:8080, true", "LOCALHOST, true", "127.0.0.1:8080, true", "127.1.2.3, true", "[::1]:8080, true",
            "console.localhost, true", "node.example:443, false", "10.0.0.5:8080, false", "127.0.0.1.evil.example, false",
            "localhost.evil.example, false", "'', false"})
    void onlyLoopbackHostsCountAsLocal(String host, boolean local) {
        assertThat(SessionCookie.isLoopbackName(SessionCookie.hostWithoutPort(host))).isEqualTo(local);
    }
}
