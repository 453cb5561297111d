package io.vgtx.core.webhook;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.input.CleanText;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organisation's webhooks as its ADMIN manages them: register (the signing secret shown once), list, delete,
 * rotate the secret, and the deliveries with their dead-letter list, any of which can be sent again. Only an
 * ADMIN of an ACTIVE organisation, and only its own: another organisation's webhook or delivery is "not found".
 * Every change is audited with the webhook's origin (scheme, host, port), never its secret or full URL.
 */
public final class Webhooks {
    /** Lets secret scanners recognise a leaked webhook secret, and the audit log refuse one ({@code vgtx_}). */
    public static final String SECRET_PREFIX = "vgtx_whsec_";
    public static final int MAX_PER_ORGANISATION = 20;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_PAGE = 1000;
    private static final int SECRET_BYTES = 32;

    private final Database database;
    private final InstantSource clock;
    private final AuditLog audit;
    private final WebhookSettings settings;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(Database database, InstantSource clock, AuditLog audit, WebhookSettings settings) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Registers a webhook for the principal's organisation.
     *
     * @param kinds the notification kinds it receives; empty for every kind, including kinds added later
     * @throws IllegalArgumentException   for a URL that is not allowed ({@link WebhookUrls#parse}) or leads to an address that is
     *                                    not ({@link WebhookAddresses#check}), an empty set of kinds,
     *                                    or a description that is too long or holds control characters
     * @throws WebhookConflictException   when the organisation has {@value #MAX_PER_ORGANISATION} webhooks already
     */
    public WebhookSecret register(Principal principal, String url, Optional<Set<NotificationKind>> kinds, Optional<String> description) {
        requireAdmin(principal);
        URI uri = WebhookUrls.parse(url);
        // Checked again at every delivery: the name may resolve elsewhere by then.
        settings.addresses().check(uri);
        if (kinds.isPresent() && kinds.get().isEmpty())
            throw new IllegalArgumentException("name at least one notification kind, or none at all for every kind");
        Optional<String> text = description(description);
        String secret = newSecret();
        Instant now = now();
        return database.write(handle -> {
            int existing = handle.createQuery("SELECT COUNT(*) FROM webhooks WHERE organisation_id = :org")
                    .bind("org", principal.organisationId()).mapTo(int.class).one();
            if (existing >= MAX_PER_ORGANISATION)
                throw new WebhookConflictException("organisation '" + principal.organisationName() + "' has " + existing
                        + " webhooks, the most it may have; delete one first");
            long id = handle.createUpdate("""
                            INSERT INTO webhooks (organisation_id, url, all_kinds, secret, description, created_at)
                            VALUES (:org, :url, :all, :secret, :description, :now)""")
                    .bind("org", principal.organisationId()).bind("url", uri.toString()).bind("all", kinds.isEmpty())
                    .bind("secret", secret).bind("description", text.orElse(null)).bind("now", now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (NotificationKind kind : kinds.orElse(Set.of())) {
                handle.createUpdate("INSERT INTO webhook_kinds (webhook_id, kind) VALUES (:id, :kind)")
                        .bind("id", id).bind("kind", kind.name()).execute();
            }
            Webhook webhook = find(handle, principal, id);
            audit.append(handle, Actor.of(principal), "webhook.register", "webhook:" + id, Outcome.OK,
                    Map.of("origin", WebhookUrls.origin(uri), "kinds", describe(webhook)));
            return new WebhookSecret(webhook, secret);
        });
    }

    /** The organisation's webhooks, oldest first, without secrets. */
    public List<Webhook> list(Principal principal) {
        requireAdmin(principal);
        return database.read(handle -> {
            List<Webhook> webhooks = new ArrayList<>();
            Map<Long, Set<NotificationKind>> kinds = new HashMap<>();
            handle.createQuery("""
                            SELECT k.webhook_id, k.kind FROM webhook_kinds k JOIN webhooks w ON w.id = k.webhook_id
                            WHERE w.organisation_id = :org""")
                    .bind("org", principal.organisationId())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> kind(e.getValue()).ifPresent(k -> kinds.computeIfAbsent(e.getKey(), x -> EnumSet.noneOf(NotificationKind.class)).add(k)));
            handle.createQuery("SELECT * FROM webhooks WHERE organisation_id = :org ORDER BY id")
                    .bind("org", principal.organisationId())
                    .map((rs, ctx) -> webhook(rs, kinds.getOrDefault(rs.getLong("id"), Set.of())))
                    .forEach(webhooks::add);
            return webhooks;
        });
    }

    /**
     * Deletes one of the organisation's webhooks, with its deliveries: nothing more is sent to it.
     *
     * @throws NotFoundException when the organisation has no such webhook
     */
    public Webhook delete(Principal principal, long id) {
        requireAdmin(principal);
        return database.write(handle -> {
            Webhook webhook = find(handle, principal, id);
            handle.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM webhook_kinds WHERE webhook_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id).execute();
            audit.append(handle, Actor.of(principal), "webhook.delete", "webhook:" + id, Outcome.OK,
                    Map.of("origin", WebhookUrls.origin(webhook.url())));
            return webhook;
        });
    }

    /**
     * A new signing secret, shown this once; the old one stops at once: every later attempt, retries of
     * earlier deliveries included, is signed with the new one.
     *
     * @throws NotFoundException when the organisation has no such webhook
     */
    public WebhookSecret rotateSecret(Principal principal, long id) {
        requireAdmin(principal);
        String secret = newSecret();
        Instant now = now();
        return database.write(handle -> {
            find(handle, principal, id);
            handle.createUpdate("UPDATE webhooks SET secret = :secret, secret_rotated_at = :now WHERE id = :id")
                    .bind("secret", secret).bind("now", now.toEpochMilli()).bind("id", id).execute();
            Webhook webhook = find(handle, principal, id);
            audit.append(handle, Actor.of(principal), "webhook.rotate-secret", "webhook:" + id, Outcome.OK,
                    Map.of("origin", WebhookUrls.origin(webhook.url())));
            return new WebhookSecret(webhook, secret);
        });
    }

    /**
     * Up to {@code limit} (1..{@value #MAX_PAGE}) of the organisation's deliveries with ids after {@code afterId}, oldest
     * first; {@code state} DEAD is the dead-letter list.
     */
    public List<Delivery> deliveries(Principal principal, Optional<DeliveryState> state, Optional<Long> webhookId, long afterId, int limit) {
        requireAdmin(principal);
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", not " + limit);
        StringBuilder sql = new StringBuilder(DELIVERY_SELECT).append(" WHERE w.organisation_id = :org AND d.id > :after");
        state.ifPresent(s -> sql.append(" AND d.state = :state"));
        webhookId.ifPresent(w -> sql.append(" AND d.webhook_id = :webhook"));
        sql.append(" ORDER BY d.id LIMIT :limit");
        return database.read(handle -> {
            var query = handle.createQuery(sql.toString()).bind("org", principal.organisationId()).bind("after", afterId).bind("limit", limit);
            state.ifPresent(s -> query.bind("state", s.name()));
            webhookId.ifPresent(w -> query.bind("webhook", w));
            return query.map((rs, ctx) -> delivery(rs)).list();
        });
    }

    /**
     * Sends a DEAD (or already DELIVERED) delivery again: PENDING, due now, with a fresh count of attempts.
     *
     * @throws NotFoundException          when the organisation has no such delivery
     * @throws WebhookConflictException   when it is PENDING already
     */
    public Delivery retry(Principal principal, long deliveryId) {
        requireAdmin(principal);
        Instant now = now();
        return database.write(handle -> {
            Delivery delivery = findDelivery(handle, principal, deliveryId);
            if (delivery.state() == DeliveryState.PENDING)
                throw new WebhookConflictException("delivery " + deliveryId + " is pending already: its next attempt is at " + delivery.nextAttemptAt());
            handle.createUpdate("""
                            UPDATE webhook_deliveries SET state = 'PENDING', attempts = 0, next_attempt_at = :now, delivered_at = NULL,
                                locked_until = NULL, locked_by = NULL
                            WHERE id = :id""")
                    .bind("now", now.toEpochMilli()).bind("id", deliveryId).execute();
            audit.append(handle, Actor.of(principal), "webhook.retry", "delivery:" + deliveryId, Outcome.OK,
                    Map.of("webhook", String.valueOf(delivery.webhookId()), "was", delivery.state().name()));
            return findDelivery(handle, principal, deliveryId);
        });
    }

    // ---- rows

    static final String DELIVERY_SELECT = """
            SELECT d.*, n.kind, n.subject FROM webhook_deliveries d
            JOIN webhooks w ON w.id = d.webhook_id
            JOIN notifications n ON n.id = d.notification_id""";

    private static Delivery findDelivery(Handle handle, Principal principal, long id) {
        return handle.createQuery(DELIVERY_SELECT + " WHERE d.id = :id AND w.organisation_id = :org")
                .bind("id", id).bind("org", principal.organisationId())
                .map((rs, ctx) -> delivery(rs)).findOne()
                .orElseThrow(() -> new NotFoundException("no webhook delivery " + id));
    }

    static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getLong("notification_id"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), instant(rs, "last_attempt_at"),
                optionalInt(rs, "last_status"), Optional.ofNullable(rs.getString("last_error")), instant(rs, "delivered_at"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Webhook find(Handle handle, Principal principal, long id) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        handle.createQuery("SELECT kind FROM webhook_kinds WHERE webhook_id = :id").bind("id", id).mapTo(String.class)
                .forEach(k -> kind(k).ifPresent(kinds::add));
        return handle.createQuery("SELECT * FROM webhooks WHERE id = :id AND organisation_id = :org")
                .bind("id", id).bind("org", principal.organisationId())
                .map((rs, ctx) -> webhook(rs, kinds)).findOne()
                .orElseThrow(() -> new NotFoundException("no webhook " + id));
    }

    private static Webhook webhook(ResultSet rs, Set<NotificationKind> kinds) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getLong("organisation_id"), URI.create(rs.getString("url")), rs.getBoolean("all_kinds"),
                kinds, Optional.ofNullable(rs.getString("description")), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "secret_rotated_at"));
    }

    /** A kind this version knows; one written by a newer version is left out of the filter shown. */
    private static Optional<NotificationKind> kind(String name) {
        try {
            return Optional.of(NotificationKind.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static String describe(Webhook webhook) {
        return webhook.allKinds() ? "ALL" : webhook.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Optional<String> description(Optional<String> description) {
        Optional<String> text = description.map(String::strip).filter(d -> !d.isEmpty());
        text.ifPresent(d -> {
            if (d.length() > MAX_DESCRIPTION) throw new IllegalArgumentException("the description is longer than " + MAX_DESCRIPTION + " characters");
        });
        return text.map(d -> CleanText.line("description", d, MAX_DESCRIPTION));
    }

    private static void requireAdmin(Principal principal) {
        AccessDeniedException.require(principal, Permission.MANAGE_ORGANISATION);
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
