package io.vgtx.core.webhook;

/** What the webhooks' current state does not allow: a delivery already pending, too many webhooks (a server answers 409). */
public final class WebhookConflictException extends RuntimeException {
    public WebhookConflictException(String message) {
        super(message);
    }
}
