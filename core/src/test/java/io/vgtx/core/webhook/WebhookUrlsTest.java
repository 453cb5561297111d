package io.vgtx.core.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape of a webhook URL; where it may lead is {@link WebhookAddressesTest}'s. */
class WebhookUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org/vgtx", "https://hooks.example.org:8443/a/b?c=d", "HTTPS://Example.org",
            "http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]:8080/", "https://hooks.example.org:1/",
            "https://hooks.example.org:65535/"})
    void absoluteHttpAndHttpsUrlsWithAHostAreWellFormed(String url) {
        assertThat(WebhookUrls.parse(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)", "mailto:desk@example.org", "/relative/path",
            "hooks.example.org", "https:///no-host", "https://user:password@example.org/", "https://example.org/#fragment",
            "https://exa mple.org/", "", " "})
    void otherUrlsAreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org:0/", "https://hooks.example.org:65536/", "https://hooks.example.org:99999/",
            "http://127.0.0.1:0/hook", "https://hooks.example.org:/"})
    void portsOutsideOneTo65535AreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrls.parse(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void theDefaultPortIsTheSchemes() {
        assertThat(WebhookUrls.port(URI.create("https://h.example/"))).isEqualTo(443);
        assertThat(WebhookUrls.port(URI.create("http://h.example/"))).isEqualTo(80);
        assertThat(WebhookUrls.port(URI.create("http://h.example:8080/"))).isEqualTo(8080);
    }

    @Test
    void overlongUrlsAndNullAreRefused() {
        assertThatThrownBy(() -> WebhookUrls.parse("https://example.org/" + "a".repeat(WebhookUrls.MAX_LENGTH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> WebhookUrls.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginLeavesOutPathAndQueryWhichMayHoldTheReceiversOwnSecret() {
        assertThat(WebhookUrls.origin(WebhookUrls.parse("https://Hooks.Example.org:8443/services/T0/B0/XYZ?token=abc")))
                .isEqualTo("https://hooks.example.org:8443");
        assertThat(WebhookUrls.origin(WebhookUrls.parse("https://hooks.example.org/x"))).isEqualTo("https://hooks.example.org");
    }
}
