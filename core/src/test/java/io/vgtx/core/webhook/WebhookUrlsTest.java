package io.vgtx.core.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org/vgtx", "https://hooks.example.org:8443/a/b?c=d", "HTTPS://Example.org",
            "http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]:8080/"})
    void httpsAnywhereAndPlainHttpOnTheLoopbackAreAccepted(String url) {
        assertThat(WebhookUrls.parse(url, true).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/vgtx", "http://10.0.0.5/hook", "http://127.0.0.2/", "ftp://example.org/",
            "file:///etc/passwd", "javascript:alert(1)", "mailto:desk@example.org", "/relative/path", "hooks.example.org",
            "https:///no-host", "https://user:password@example.org/", "https://example.org/#fragment", "https://exa mple.org/", "", " "})
    void otherUrlsAreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost/hook"})
    void plainHttpOnTheLoopbackCanBeRefusedToo(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
    }

    @org.junit.jupiter.api.Test
    void overlongUrlsAndNullAreRefused() {
        assertThatThrownBy(() -> WebhookUrls.parse("https://example.org/" + "a".repeat(WebhookUrls.MAX_LENGTH), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> WebhookUrls.parse(null, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void theOriginLeavesOutPathAndQueryWhichMayHoldTheReceiversOwnSecret() {
        assertThat(WebhookUrls.origin(WebhookUrls.parse("https://Hooks.Example.org:8443/services/T0/B0/XYZ?token=abc", true)))
                .isEqualTo("https://hooks.example.org:8443");
        assertThat(WebhookUrls.origin(WebhookUrls.parse("https://hooks.example.org/x", true))).isEqualTo("https://hooks.example.org");
    }
}
