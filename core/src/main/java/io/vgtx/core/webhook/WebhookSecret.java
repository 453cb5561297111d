package io.vgtx.core.webhook;

import java.util.Objects;

/**
 * A webhook with its signing secret: what registering or rotating answers, this once.
 *
 * @param secret {@value Webhooks#SECRET_PREFIX} and 32 random bytes in unpadded base64url; the HMAC key is
 *               this whole string as UTF-8
 */
public record WebhookSecret(Webhook webhook, String secret) {
    public WebhookSecret {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never the secret: a record's default text would print it into a log. */
    @Override
    public String toString() {
        return "WebhookSecret[webhook=" + webhook.id() + ", secret=…]";
    }
}
