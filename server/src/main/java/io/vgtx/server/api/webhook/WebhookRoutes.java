package io.vgtx.server.api.webhook;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.webhook.Delivery;
import io.vgtx.core.webhook.DeliveryState;
import io.vgtx.core.webhook.Webhook;
import io.vgtx.core.webhook.WebhookSecret;
import io.vgtx.core.webhook.Webhooks;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organisation's webhooks: register (the signing secret in that answer only), list, delete, rotate the secret,
 * and the deliveries, the dead-letter list among them, with a retry. Only an ADMIN of an ACTIVE organisation, for
 * its own; another organisation's webhook or delivery is 404. The rules live in {@link Webhooks}; this translates.
 */
public final class WebhookRoutes implements ApiRoutes {
    private static final String SIGNING = "Each delivery is a POST of the notification as JSON (`event_id`, `kind`, `organisation`, "
            + "`subject`, `details`, `created_at`) with `X-VGTX-Timestamp: <unix seconds>` and `X-VGTX-Signature: v1=<hex HMAC-SHA256 "
            + "of \"<timestamp>.<body>\" keyed with the secret>`; `X-VGTX-Delivery` names the delivery (the same on every retry).";

    private final Webhooks webhooks;

    public WebhookRoutes(NodeServices services) {
        this.webhooks = services.webhooks();
    }

    /**
     * @param kinds the notification kinds to receive; absent or null for every kind, including kinds added later
     */
    public record NewWebhook(String url, List<NotificationKind> kinds, String description) {}

    /** @param allKinds every kind of notification, including kinds added later; else only {@code kinds} */
    public record WebhookView(long id, String url, boolean allKinds, List<NotificationKind> kinds, String description,
                              Instant createdAt, Instant secretRotatedAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.url().toString(), w.allKinds(), sorted(w.kinds()), w.description().orElse(null),
                    w.createdAt(), w.secretRotatedAt().orElse(null));
        }
    }

    /** @param secret the signing secret: in this answer only, never again */
    public record RegisteredWebhook(long id, String secret, String url, boolean allKinds, List<NotificationKind> kinds,
                                    String description, Instant createdAt) {}

    public record WebhookList(List<WebhookView> webhooks) {}

    /** @param secret the new signing secret: in this answer only; the old one no longer signs anything */
    public record RotatedSecret(long id, String secret, Instant rotatedAt) {}

    /**
     * @param eventId       the notification's id: {@code event_id} in the body
     * @param nextAttemptAt when a PENDING delivery is due; null otherwise
     * @param lastStatus    the HTTP status of the last attempt; null when it got none (refused, timed out)
     */
    public record DeliveryView(long id, long webhookId, long eventId, NotificationKind kind, String subject, DeliveryState state,
                               int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
                               Instant deliveredAt, Instant createdAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.webhookId(), d.notificationId(), d.kind(), d.subject(), d.state(), d.attempts(),
                    d.state() == DeliveryState.PENDING ? d.nextAttemptAt() : null, d.lastAttemptAt().orElse(null),
                    d.lastStatus().isPresent() ? d.lastStatus().getAsInt() : null, d.lastError().orElse(null),
                    d.deliveredAt().orElse(null), d.createdAt());
        }
    }

    /** @param next the {@code after} of the next page, or null when this was the last */
    public record DeliveryList(List<DeliveryView> deliveries, Long next) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/webhooks").summary("Register a webhook for your organisation's notifications (ADMIN)").tag("webhooks")
                        .description("The URL must be `https://` to a public address, port 1-65535: its host's resolved addresses are checked "
                                + "now and at every delivery, and loopback, private, link-local, CGNAT, multicast and cloud-metadata "
                                + "addresses are refused unless the node's operator allows a range (`vgtx serve --webhook-allow`), to "
                                + "which plain `http://` is accepted too. The signing "
                                + "secret is in this response only. At most " + Webhooks.MAX_PER_ORGANISATION + " webhooks per organisation. "
                                + SIGNING)
                        .accepts(NewWebhook.class).returns(201, RegisteredWebhook.class)
                        .handle(this::register),
                ApiRoute.get("/api/v1/webhooks").summary("Your organisation's webhooks, without secrets (ADMIN)").tag("webhooks")
                        .returns(WebhookList.class)
                        .handle(call -> new WebhookList(webhooks.list(principal(call)).stream().map(WebhookView::of).toList())),
                ApiRoute.delete("/api/v1/webhooks/{id}").summary("Delete a webhook and its deliveries (ADMIN)").tag("webhooks")
                        .returnsNothing()
                        .handle(call -> {
                            webhooks.delete(principal(call), Params.id(call, "id"));
                            return ApiResponse.noContent();
                        }),
                ApiRoute.post("/api/v1/webhooks/{id}/secret").summary("Rotate a webhook's signing secret (ADMIN)").tag("webhooks")
                        .description("The new secret is in this response only and signs every later attempt, retries included; "
                                + "the old one stops at once.")
                        .returns(RotatedSecret.class)
                        .handle(call -> {
                            WebhookSecret rotated = webhooks.rotateSecret(principal(call), Params.id(call, "id"));
                            return new RotatedSecret(rotated.webhook().id(), rotated.secret(), rotated.webhook().secretRotatedAt().orElseThrow());
                        }),
                ApiRoute.get("/api/v1/webhooks/deliveries").summary("Your organisation's webhook deliveries, oldest first (ADMIN)").tag("webhooks")
                        .description("`state=DEAD` is the dead-letter list: deliveries whose every attempt failed.")
                        .query("state", "PENDING, DELIVERED or DEAD; all when absent.")
                        .query("webhook", "Only this webhook's deliveries.")
                        .query("after", "Only deliveries with a larger id: the `next` of the previous page (default 0).")
                        .query("limit", "Deliveries per page, 1.." + Webhooks.MAX_PAGE + " (default 100).")
                        .returns(DeliveryList.class)
                        .handle(this::deliveries),
                ApiRoute.post("/api/v1/webhooks/deliveries/{id}/retry").summary("Send a dead (or delivered) delivery again (ADMIN)").tag("webhooks")
                        .description("It becomes PENDING, due now, with a fresh count of attempts; 409 when it is pending already.")
                        .returns(DeliveryView.class)
                        .handle(call -> DeliveryView.of(webhooks.retry(principal(call), Params.id(call, "id")))));
    }

    private ApiResponse register(ApiCall call) throws IOException {
        Principal principal = principal(call);
        NewWebhook body = call.body(NewWebhook.class);
        if (body.url() == null) throw ApiProblem.validation("Field 'url' is required.");
        Optional<Set<NotificationKind>> kinds = Optional.empty();
        if (body.kinds() != null) {
            if (body.kinds().contains(null)) throw ApiProblem.validation("Field 'kinds' must list notification kinds, not null.");
            kinds = Optional.of(body.kinds().isEmpty() ? Set.of() : EnumSet.copyOf(body.kinds()));
        }
        WebhookSecret registered = webhooks.register(principal, body.url(), kinds, Optional.ofNullable(body.description()));
        Webhook w = registered.webhook();
        return ApiResponse.json(201, new RegisteredWebhook(w.id(), registered.secret(), w.url().toString(), w.allKinds(), sorted(w.kinds()),
                w.description().orElse(null), w.createdAt()));
    }

    private DeliveryList deliveries(ApiCall call) {
        Optional<DeliveryState> state = call.queryParam("state").map(WebhookRoutes::state);
        Optional<Long> webhook = call.queryParam("webhook").map(text -> Params.parse("webhook", text, 1));
        long after = call.queryParam("after").map(text -> Params.parse("after", text, 0)).orElse(0L);
        long limit = call.queryParam("limit").map(text -> Params.parse("limit", text, 1)).orElse(100L);
        if (limit > Webhooks.MAX_PAGE) throw ApiProblem.validation("Query parameter 'limit' must be 1.." + Webhooks.MAX_PAGE + ", not " + limit + ".");
        List<Delivery> page = webhooks.deliveries(principal(call), state, webhook, after, (int) limit);
        return new DeliveryList(page.stream().map(DeliveryView::of).toList(), page.size() == limit ? page.getLast().id() : null);
    }

    private static DeliveryState state(String text) {
        try {
            return DeliveryState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("Query parameter 'state' must be one of " + Arrays.toString(DeliveryState.values()) + ", not '" + text + "'.");
        }
    }

    private static List<NotificationKind> sorted(Set<NotificationKind> kinds) {
        return kinds.stream().sorted().collect(Collectors.toList());
    }

    private static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }
}
