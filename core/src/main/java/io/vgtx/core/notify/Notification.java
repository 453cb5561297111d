package io.vgtx.core.notify;

import java.time.Instant;
import java.util.Map;

/**
 * Something an organisation is told.
 *
 * @param subject what it is about, e.g. {@code entry:42}
 * @param details a few named facts (who asked, which bank); never hash values of entries the
 *                recipient does not own, never content
 */
public record Notification(long id, String organisation, NotificationKind kind, String subject, Instant createdAt,
                           Map<String, String> details) {
    public Notification {
        details = Map.copyOf(details);
    }
}
