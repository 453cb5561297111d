package io.vgtx.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Sends the webhook outbox: {@link #runDue()} claims the deliveries that are due, POSTs each, and records the outcome.
 * <ul>
 *   <li>The body is the notification as JSON: {@code event_id}, {@code kind}, {@code organisation}, {@code subject},
 *       {@code details}, {@code created_at} — what the notification says and nothing more. It is signed per attempt
 *       ({@link WebhookSignature}) with the webhook's current secret.</li>
 *   <li>A 2xx answer is delivered; anything else (another status, a redirect — never followed —, a refused connection,
 *       a timeout) is a failed attempt, tried again after {@link WebhookSettings#retryDelay} until
 *       {@link WebhookSettings#maxAttempts}, then DEAD: on the dead-letter list. The attempt records a generic reason
 *       ({@link Failure}), never anything the other side sent: a member must not read another service's banner
 *       through its webhook.</li>
 *   <li>Each attempt resolves the URL's host and checks every address ({@link WebhookAddresses#check}), then connects
 *       to the address it checked, sending the URL's host name as {@code Host} and as TLS server name (certificates are
 *       verified against it): a name that now resolves into the node's network is a refused attempt, and no second
 *       lookup stands between the check and the connection.</li>
 *   <li>A delivery is claimed for a lease in a write transaction, by a conditional update that only one claimant can
 *       win, and its outcome is recorded only by the claim that still holds it; so two workers, in one process or on
 *       two nodes sharing one database, never send a delivery at the same time. Delivery is at least once: a node that
 *       dies after sending and before recording sends again when the lease has run out. Receivers de-duplicate by
 *       {@code X-VGTX-Delivery}.</li>
 *   <li>Only an ACTIVE organisation's deliveries are sent; a suspended organisation's wait until it is reinstated.</li>
 * </ul>
 * Time comes from the injected clock and jitter from the injected random generator, so a test runs the schedule
 * by moving the clock and calling {@link #runDue()}, without sleeping.
 */
public final class WebhookDelivery implements AutoCloseable {
    public static final String EVENT_HEADER = "X-VGTX-Event";
    public static final String EVENT_ID_HEADER = "X-VGTX-Event-Id";
    public static final String DELIVERY_HEADER = "X-VGTX-Delivery";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** As receivers have always been sent it: JSON is UTF-8 by definition, no charset parameter. */
    private static final ContentType JSON_TYPE = ContentType.create("application/json");
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {};

    private final Database database;
    private final InstantSource clock;
    private final WebhookSettings settings;
    private final RandomGenerator random;
    private final String workerId;
    private final AtomicLong claims = new AtomicLong();
    private volatile CloseableHttpClient http;

    /** One per node: its own HTTP client and a random worker id. */
    public WebhookDelivery(Database database, InstantSource clock, WebhookSettings settings) {
        this(database, clock, settings, RandomGenerator.getDefault(), "node-" + UUID.randomUUID());
    }

    /** @param workerId names this worker's claims; unique per process */
    public WebhookDelivery(Database database, InstantSource clock, WebhookSettings settings, RandomGenerator random, String workerId) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    public WebhookSettings settings() {
        return settings;
    }

    /** What one round did. */
    public record Round(int attempted, int delivered, int retrying, int dead) {
        static final Round NOTHING = new Round(0, 0, 0, 0);
    }

    /**
     * Sends every delivery that is due now and not claimed by another worker, up to {@link WebhookSettings#batchSize} at
     * a time and in parallel, and records each outcome; repeats while full batches come back. Blocks until done.
     */
    public Round runDue() {
        Round total = Round.NOTHING;
        while (true) {
            Round round = runBatch();
            total = new Round(total.attempted() + round.attempted(), total.delivered() + round.delivered(),
                    total.retrying() + round.retrying(), total.dead() + round.dead());
            if (round.attempted() < settings.batchSize()) return total;
        }
    }

    private Round runBatch() {
        long now = clock.instant().toEpochMilli();
        // A cheap read first: an idle node polls without taking the write lock.
        List<Long> due = database.read(handle -> handle.createQuery(DUE + " ORDER BY d.next_attempt_at, d.id LIMIT :limit")
                .bind("now", now).bind("limit", settings.batchSize()).mapTo(Long.class).list());
        if (due.isEmpty()) return Round.NOTHING;
        String claim = workerId + "/" + claims.incrementAndGet();
        List<Claimed> claimed = database.write(handle -> claim(handle, due, claim));
        if (claimed.isEmpty()) return Round.NOTHING;

        List<Attempt> attempts = new ArrayList<>(claimed.size());
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Attempt>> sent = new ArrayList<>();
            for (Claimed c : claimed) sent.add(senders.submit(() -> send(c)));
            for (int i = 0; i < sent.size(); i++) {
                try {
                    attempts.add(sent.get(i).get());
                } catch (ExecutionException e) {
                    LOG.atWarn().setCause(e.getCause()).addKeyValue("delivery", claimed.get(i).id()).log("webhook delivery could not be sent");
                    attempts.add(new Attempt(claimed.get(i), clock.instant(), 0, Failure.OTHER.reason));
                } catch (InterruptedException e) {
                    // Shutting down: the claims lapse and another round (or node) sends them.
                    Thread.currentThread().interrupt();
                    return Round.NOTHING;
                }
            }
        }
        return database.write(handle -> record(handle, attempts, claim));
    }

    // A PENDING delivery whose time has come, not held by a live claim, of an ACTIVE organisation.
    private static final String DUE = """
            SELECT d.id FROM webhook_deliveries d
            JOIN webhooks w ON w.id = d.webhook_id
            JOIN organisations o ON o.id = w.organisation_id
            WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND (d.locked_until IS NULL OR d.locked_until <= :now)
              AND o.state = 'ACTIVE'""";

    private List<Claimed> claim(Handle handle, List<Long> ids, String claim) {
        // The time is read again under the write lock: a claim is never dated before the one it may take over.
        long now = clock.instant().toEpochMilli();
        handle.createUpdate("""
                        UPDATE webhook_deliveries SET locked_until = :until, locked_by = :claim
                        WHERE id IN (<ids>) AND state = 'PENDING' AND next_attempt_at <= :now
                          AND (locked_until IS NULL OR locked_until <= :now)""")
                .bindList("ids", ids).bind("now", now).bind("until", now + settings.lease().toMillis()).bind("claim", claim)
                .execute();
        return handle.createQuery("""
                        SELECT d.id, d.attempts, d.notification_id, w.id AS webhook_id, w.url, w.secret,
                               n.organisation, n.kind, n.subject, n.created_at, n.details
                        FROM webhook_deliveries d
                        JOIN webhooks w ON w.id = d.webhook_id
                        JOIN notifications n ON n.id = d.notification_id
                        WHERE d.locked_by = :claim AND d.state = 'PENDING'
                        ORDER BY d.id""")
                .bind("claim", claim)
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getInt("attempts"), rs.getLong("webhook_id"), rs.getString("url"),
                        rs.getString("secret"), rs.getLong("notification_id"), rs.getString("kind"),
                        body(rs.getLong("notification_id"), rs.getString("kind"), rs.getString("organisation"), rs.getString("subject"),
                                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("details"))))
                .list();
    }

    private record Claimed(long id, int attempts, long webhookId, String url, String secret, long eventId, String kind, byte[] body) {}

    /** @param status the HTTP status, 0 when none came back */
    private record Attempt(Claimed delivery, Instant at, int status, String error) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Why an attempt failed, as recorded and shown to the webhook's organisation: generic, so that nothing the other side
     * sent (a banner, an error page, a certificate's names) reaches a member.
     */
    enum Failure {
        REFUSED_ADDRESS("refused address: the host does not resolve to an address the node sends webhooks to"),
        HOST_NOT_FOUND("host not found"),
        CONNECTION_REFUSED("connection refused"),
        TIMEOUT("timeout"),
        TLS("TLS: no secure connection (certificate or handshake)"),
        NOT_HTTP("no valid HTTP answer"),
        CONNECTION_FAILED("connection failed"),
        OTHER("could not send");

        final String reason;

        Failure(String reason) {
            this.reason = reason;
        }
    }

    private Attempt send(Claimed delivery) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        URI uri = URI.create(delivery.url());
        InetAddress address;
        try {
            address = settings.addresses().check(uri);
        } catch (WebhookAddresses.RefusedAddressException e) {
            return new Attempt(delivery, at, 0, Failure.REFUSED_ADDRESS.reason);
        }
        HttpPost post = new HttpPost(uri);
        post.setHeader("User-Agent", "vgtx-webhooks/1");
        post.setHeader(EVENT_HEADER, delivery.kind());
        post.setHeader(EVENT_ID_HEADER, Long.toString(delivery.eventId()));
        post.setHeader(DELIVERY_HEADER, Long.toString(delivery.id()));
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()));
        post.setEntity(new ByteArrayEntity(delivery.body(), JSON_TYPE));
        // The checked address, named: Host and the TLS server name stay the URL's host, the connection goes to this address.
        HttpHost target = new HttpHost(uri.getScheme().toLowerCase(java.util.Locale.ROOT), address, unbracketed(uri.getHost()), WebhookUrls.port(uri));
        // One deadline for the whole attempt, connection and answer: a receiver that trickles bytes is cut off too.
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(post::cancel,
                CompletableFuture.delayedExecutor(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
        try (ClassicHttpResponse response = client().executeOpen(target, post, null)) {
            // Only the status is read; the body is never read, kept or shown.
            int status = response.getCode();
            return new Attempt(delivery, at, status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            Failure failure = post.isCancelled() ? Failure.TIMEOUT : failure(e);
            return new Attempt(delivery, at, 0, failure == Failure.TIMEOUT
                    ? Failure.TIMEOUT.reason + ": no answer within " + seconds(settings.requestTimeout()) : failure.reason);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The generic reason for what went wrong; the exception's message (which may quote the other side) is not used. */
    static Failure failure(Throwable e) {
        return switch (e) {
            case ConnectTimeoutException timeout -> Failure.TIMEOUT;
            case SocketTimeoutException timeout -> Failure.TIMEOUT;
            case ConnectException refused -> Failure.CONNECTION_REFUSED;
            case UnknownHostException unknown -> Failure.HOST_NOT_FOUND;
            case SSLException tls -> Failure.TLS;
            case org.apache.hc.core5.http.NoHttpResponseException none -> Failure.NOT_HTTP;
            case org.apache.hc.core5.http.ProtocolException protocol -> Failure.NOT_HTTP;
            case InterruptedIOException interrupted -> Failure.TIMEOUT;
            case IOException io when io.getCause() instanceof org.apache.hc.core5.http.HttpException -> Failure.NOT_HTTP;
            case IOException io -> Failure.CONNECTION_FAILED;
            default -> Failure.OTHER;
        };
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private Round record(Handle handle, List<Attempt> attempts, String claim) {
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        for (Attempt attempt : attempts) {
            Claimed d = attempt.delivery();
            int made = d.attempts() + 1;
            long at = attempt.at().toEpochMilli();
            DeliveryState state;
            long next;
            if (attempt.delivered()) {
                state = DeliveryState.DELIVERED;
                next = at;
            } else if (made >= settings.maxAttempts()) {
                state = DeliveryState.DEAD;
                next = at;
            } else {
                state = DeliveryState.PENDING;
                next = clock.instant().plus(settings.retryDelay(made, random.nextDouble())).toEpochMilli();
            }
            int changed = handle.createUpdate("""
                            UPDATE webhook_deliveries SET state = :state, attempts = :attempts, next_attempt_at = :next,
                                last_attempt_at = :at, last_status = :status, last_error = :error, delivered_at = :delivered,
                                locked_until = NULL, locked_by = NULL
                            WHERE id = :id AND locked_by = :claim""")
                    .bind("state", state.name()).bind("attempts", made).bind("next", next).bind("at", at)
                    .bind("status", attempt.status() == 0 ? null : attempt.status())
                    .bind("error", attempt.error())
                    .bind("delivered", attempt.delivered() ? at : null)
                    .bind("id", d.id()).bind("claim", claim)
                    .execute();
            if (changed == 0) {
                // Deleted with its webhook meanwhile, or its lease ran out and another claim holds it now.
                LOG.atInfo().addKeyValue("delivery", d.id()).log("webhook delivery outcome not recorded: no longer held by this worker");
                continue;
            }
            switch (state) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case DEAD -> dead++;
            }
            if (!attempt.delivered()) {
                LOG.atInfo().addKeyValue("delivery", d.id()).addKeyValue("webhook", d.webhookId()).addKeyValue("attempt", made)
                        .addKeyValue("state", state.name()).addKeyValue("error", attempt.error())
                        .log("webhook delivery attempt failed");
            }
        }
        return new Round(attempts.size(), delivered, retrying, dead);
    }

    /** The JSON body: the notification, field names in snake case, details as given. */
    static byte[] body(long eventId, String kind, String organisation, String subject, Instant createdAt, String detailsJson) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event_id", eventId);
            body.put("kind", kind);
            body.put("organisation", organisation);
            body.put("subject", subject);
            body.put("details", JSON.readValue(detailsJson, STRINGS));
            body.put("created_at", createdAt.toString());
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification " + eventId + " cannot be written as a webhook body", e);
        }
    }

    /**
     * The HTTP client, made when first needed: HTTP/1.1, no redirects, no retries, no cookies, no proxy. Its DNS resolver
     * refuses every name: each request names the address it checked, so a lookup here would be a bug, not a fallback.
     */
    private CloseableHttpClient client() {
        CloseableHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    Timeout timeout = Timeout.of(settings.requestTimeout());
                    http = HttpClients.custom()
                            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                    .setDnsResolver(NO_LOOKUPS)
                                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                                    .setMaxConnTotal(settings.batchSize()).setMaxConnPerRoute(settings.batchSize())
                                    .build())
                            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setRedirectsEnabled(false).build())
                            .disableRedirectHandling()
                            .disableAutomaticRetries()
                            .disableCookieManagement()
                            .disableAuthCaching()
                            .disableContentCompression()
                            .build();
                }
                client = http;
            }
        }
        return client;
    }

    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook deliveries connect to the address they checked; no lookup of " + host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("no lookup of " + host);
        }
    };

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Closes the HTTP client. */
    @Override
    public void close() {
        CloseableHttpClient client = http;
        if (client != null) client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
