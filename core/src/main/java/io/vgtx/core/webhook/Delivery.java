package io.vgtx.core.webhook;

import io.vgtx.core.notify.NotificationKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One notification on its way to one webhook.
 *
 * @param notificationId the event id the receiver sees ({@code event_id})
 * @param attempts       attempts made so far (reset to 0 when an ADMIN asks for a dead delivery again)
 * @param nextAttemptAt  when a PENDING delivery is due
 * @param lastStatus     the HTTP status of the last attempt; empty when it got none (refused, timed out) or none was made
 * @param lastError      why the last attempt failed, in a few words
 */
public record Delivery(long id, long webhookId, long notificationId, NotificationKind kind, String subject, DeliveryState state,
                       int attempts, Instant nextAttemptAt, Optional<Instant> lastAttemptAt, OptionalInt lastStatus,
                       Optional<String> lastError, Optional<Instant> deliveredAt, Instant createdAt) {
    public Delivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
