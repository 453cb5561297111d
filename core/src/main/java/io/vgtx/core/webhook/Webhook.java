package io.vgtx.core.webhook;

import io.vgtx.core.notify.NotificationKind;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organisation's endpoint for its notifications (never its secret, which is shown once).
 *
 * @param allKinds every kind of notification, including kinds added later; else only {@code kinds}
 */
public record Webhook(long id, long organisationId, URI url, boolean allKinds, Set<NotificationKind> kinds,
                      Optional<String> description, Instant createdAt, Optional<Instant> secretRotatedAt) {
    public Webhook {
        Objects.requireNonNull(url, "url");
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(secretRotatedAt, "secretRotatedAt");
    }

    public boolean takes(NotificationKind kind) {
        return allKinds || kinds.contains(kind);
    }
}
