package io.vgtx.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Each organisation's notifications, in the order they were made. */
public final class Notifications {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {};
    public static final int MAX_PAGE = 1000;

    private final Database database;
    private final InstantSource clock;

    public Notifications(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Notifies in a transaction of its own. */
    public Notification notify(String organisation, NotificationKind kind, String subject, Map<String, String> details) {
        return database.write(handle -> notify(handle, organisation, kind, subject, details));
    }

    /**
     * Notifies inside the caller's write transaction unless the organisation was given this very notification (kind,
     * subject and details) before: for what is news only once, e.g. another organisation's verdict on an entry.
     *
     * @return whether it notified
     */
    public boolean notifyOnce(Handle handle, String organisation, NotificationKind kind, String subject, Map<String, String> details) {
        boolean told = handle.createQuery("""
                        SELECT 1 FROM notifications
                        WHERE organisation = :organisation AND kind = :kind AND subject = :subject AND details = :details""")
                .bind("organisation", organisation).bind("kind", kind.name()).bind("subject", subject).bind("details", write(details))
                .mapTo(Integer.class).findFirst().isPresent();
        if (!told) notify(handle, organisation, kind, subject, details);
        return !told;
    }

    /** Notifies inside the caller's write transaction: the notification commits or rolls back with it. */
    public Notification notify(Handle handle, String organisation, NotificationKind kind, String subject,
                               Map<String, String> details) {
        Instant now = clock.instant();
        long id = handle.createUpdate("""
                        INSERT INTO notifications (organisation, kind, subject, created_at, details)
                        VALUES (:organisation, :kind, :subject, :created, :details)""")
                .bind("organisation", organisation)
                .bind("kind", kind.name())
                .bind("subject", subject)
                .bind("created", now.toEpochMilli())
                .bind("details", write(details))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        enqueueWebhookDeliveries(handle, id, organisation, kind, now);
        return new Notification(id, organisation, kind, subject, now, details);
    }

    /**
     * The webhook outbox: one PENDING delivery per webhook of the organisation that takes this kind (all kinds,
     * or this one named), in the notification's own transaction, so a delivery is never lost and never made
     * for a change that rolled back. {@code io.vgtx.core.webhook} registers the webhooks and delivers the rows;
     * every kind, including kinds added later, flows through here.
     */
    private static void enqueueWebhookDeliveries(Handle handle, long notificationId, String organisation, NotificationKind kind, Instant now) {
        handle.createUpdate("""
                        INSERT INTO webhook_deliveries (webhook_id, notification_id, state, attempts, next_attempt_at, created_at)
                        SELECT w.id, :notification, 'PENDING', 0, :now, :now
                        FROM webhooks w JOIN organisations o ON o.id = w.organisation_id
                        WHERE o.name = :organisation
                          AND (w.all_kinds = :all OR EXISTS (SELECT 1 FROM webhook_kinds k WHERE k.webhook_id = w.id AND k.kind = :kind))
                        ORDER BY w.id""")
                .bind("notification", notificationId)
                .bind("now", now.toEpochMilli())
                .bind("organisation", organisation)
                .bind("all", true)
                .bind("kind", kind.name())
                .execute();
    }

    /** Up to {@code limit} (at most {@value #MAX_PAGE}) of an organisation's notifications with ids after {@code afterId}, oldest first. */
    public List<Notification> list(String organisation, long afterId, int limit) {
        return list(organisation, Set.of(), afterId, limit);
    }

    /** As {@link #list(String, long, int)}, only of the given kinds (every kind when {@code kinds} is empty). */
    public List<Notification> list(String organisation, Set<NotificationKind> kinds, long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", not " + limit);
        return database.read(handle -> {
            var query = handle.createQuery("SELECT * FROM notifications WHERE organisation = :organisation AND id > :after"
                            + (kinds.isEmpty() ? "" : " AND kind IN (<kinds>)") + " ORDER BY id LIMIT :limit")
                    .bind("organisation", organisation)
                    .bind("after", afterId)
                    .bind("limit", limit);
            if (!kinds.isEmpty()) query.bindList("kinds", kinds.stream().map(Enum::name).sorted().toList());
            return query.map((rs, ctx) -> notification(rs)).list();
        });
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("organisation"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at")), read(rs.getString("details")));
    }

    private static String write(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notification details", e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification details are not a JSON object of strings", e);
        }
    }
}
