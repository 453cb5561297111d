package io.vgtx.core.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"event_id\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBodyKeyedWithTheWholeSecret() {
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"vgtx_whsec_test-secret", b"1764331200.{\"event_id\":1}", hashlib.sha256).hexdigest())'
        assertThat(WebhookSignature.sign("vgtx_whsec_test-secret", 1764331200L, BODY))
                .isEqualTo("v1=43c5c1c1a5eec7902b9876f04ed323df2e9d7a2f7e504b6042fc1ccdcb448ef7");
    }

    @Test
    void verificationNeedsTheSameSecretTimestampAndBytes() {
        String header = WebhookSignature.sign("s1", 100, BODY);
        assertThat(WebhookSignature.verify("s1", 100, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify("s2", 100, BODY, header)).isFalse();
        assertThat(WebhookSignature.verify("s1", 101, BODY, header)).isFalse();
        assertThat(WebhookSignature.verify("s1", 100, "{\"event_id\":2}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify("s1", 100, BODY, null)).isFalse();
        assertThat(WebhookSignature.verify("s1", 100, BODY, "v1=zz")).isFalse();
        assertThat(WebhookSignature.verify("s1", 100, BODY, "v0=" + header.substring(3))).isFalse();
    }

    @Test
    void anyOfSeveralSignaturesInOneHeaderMayMatch() {
        String header = WebhookSignature.sign("old", 100, BODY) + ", " + WebhookSignature.sign("new", 100, BODY);
        assertThat(WebhookSignature.verify("new", 100, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify("old", 100, BODY, header)).isTrue();
    }
}
