package io.vgtx.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.SharedPostgres;
import io.vgtx.core.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox and its delivery to a real receiver on the loopback, on both databases, with a clock moved by hand. */
@ParameterizedClass
@EnumSource(Backend.class)
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code nextDouble()} is 0.5: every wait is exactly as scheduled (10 s, 20 s, 40 s …). */
    private static final RandomGenerator NO_JITTER = () -> Long.MIN_VALUE;

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;

    DatabaseConfig config;
    Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    Taskforce t;
    Organisation hotline;
    Principal admin;
    Webhooks webhooks;
    final TestDns dns = new TestDns();
    WebhookSettings settings = dns.settings(WebhookSettings.defaults().withMaxAttempts(4));
    final Receiver receiver = new Receiver();
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void open() {
        config = backend.newDatabase(tempDir);
        db = Database.open(config);
        t = new Taskforce(db, clock);
        hotline = t.active("Hotline", OrganisationKind.HOTLINE);
        admin = t.principal(hotline, Role.ADMIN);
        webhooks = new Webhooks(db, clock, t.audit, settings);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
        receiver.close();
        db.close();
        if (config instanceof DatabaseConfig.JdbcUrl(String url)) SharedPostgres.dropDatabase(url);
    }

    private WebhookDelivery delivery(Database database, String worker) {
        WebhookDelivery delivery = new WebhookDelivery(database, clock, settings, NO_JITTER, worker);
        closing.add(delivery);
        return delivery;
    }

    private WebhookDelivery delivery() {
        return delivery(db, "worker-a");
    }

    private WebhookSecret register(String path) {
        return webhooks.register(admin, receiver.url(path), Optional.empty(), Optional.empty());
    }

    private Notification notifyHotline(NotificationKind kind) {
        return t.notifications.notify("Hotline", kind, "entry:42", Map.of("asker", "Asking Police", "bank", "known"));
    }

    private Delivery only() {
        return webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10).getFirst();
    }

    @Test
    void aNotificationIsPostedAsJsonSignedWithTheWebhooksSecret() throws IOException {
        WebhookSecret hook = register("/hook");
        Notification n = notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 1, 0, 0));

        Receiver.Request request = receiver.requests().getFirst();
        assertThat(request.path()).isEqualTo("/hook");
        assertThat(request.signedWith(hook.secret())).isTrue();
        assertThat(request.signedWith(hook.secret() + "x")).isFalse();
        assertThat(request.timestamp()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Upgrade")).as("plain HTTP/1.1, no h2c upgrade").isNull();
        assertThat(request.header(WebhookDelivery.EVENT_HEADER)).isEqualTo("MATCH_HIT");
        assertThat(request.header(WebhookDelivery.EVENT_ID_HEADER)).isEqualTo(Long.toString(n.id()));
        assertThat(request.deliveryId()).isEqualTo(only().id());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("event_id").asLong()).isEqualTo(n.id());
        assertThat(body.get("kind").asText()).isEqualTo("MATCH_HIT");
        assertThat(body.get("organisation").asText()).isEqualTo("Hotline");
        assertThat(body.get("subject").asText()).isEqualTo("entry:42");
        assertThat(body.get("details")).isEqualTo(JSON.readTree("{\"asker\":\"Asking Police\",\"bank\":\"known\"}"));
        assertThat(body.get("created_at").asText()).isEqualTo(n.createdAt().toString());
        assertThat(body.size()).as("nothing but the notification").isEqualTo(6);
        assertThat(new String(request.body())).doesNotContain(hook.secret()).doesNotContain("vgtx_");

        Delivery delivered = only();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastStatus()).hasValue(200);
        assertThat(delivered.deliveredAt()).contains(clock.instant());

        assertThat(delivery().runDue().attempted()).as("delivered once, not again").isZero();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void onlyTheOrganisationsWebhooksThatTakeTheKindReceiveIt() {
        webhooks.register(admin, receiver.url("/all"), Optional.empty(), Optional.empty());
        webhooks.register(admin, receiver.url("/disputes"), Optional.of(Set.of(NotificationKind.ENTRY_DISPUTED)), Optional.empty());
        Organisation other = t.active("Other Police", OrganisationKind.LAW_ENFORCEMENT);
        webhooks.register(t.principal(other, Role.ADMIN), receiver.url("/other"), Optional.empty(), Optional.empty());

        notifyHotline(NotificationKind.MATCH_HIT);
        notifyHotline(NotificationKind.ENTRY_DISPUTED);
        delivery().runDue();

        Map<String, List<String>> kindsByPath = receiver.requests().stream().collect(Collectors.groupingBy(Receiver.Request::path,
                Collectors.mapping(r -> r.header(WebhookDelivery.EVENT_HEADER), Collectors.toList())));
        assertThat(kindsByPath).containsOnlyKeys("/all", "/disputes");
        assertThat(kindsByPath.get("/all")).containsExactlyInAnyOrder("MATCH_HIT", "ENTRY_DISPUTED");
        assertThat(kindsByPath.get("/disputes")).containsExactly("ENTRY_DISPUTED");
    }

    @Test
    void everyKindOfNotificationFlowsToAWebhookForAllKinds() {
        register("/all");
        for (NotificationKind kind : NotificationKind.values()) notifyHotline(kind);
        delivery().runDue();
        assertThat(receiver.requests()).extracting(r -> r.header(WebhookDelivery.EVENT_HEADER))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(NotificationKind.values()).map(Enum::name).toList());
    }

    @Test
    void failedAttemptsAreRetriedAfterDoublingWaits() {
        register("/hook");
        receiver.answer(500, 503);
        notifyHotline(NotificationKind.MATCH_HIT);
        Instant start = clock.instant();

        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 0, 1, 0));
        Delivery first = only();
        assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatus()).hasValue(500);
        assertThat(first.lastError()).contains("HTTP 500");
        assertThat(first.nextAttemptAt()).isEqualTo(start.plusSeconds(10));

        clock.advance(Duration.ofMillis(9_999));
        assertThat(delivery().runDue().attempted()).as("not due before 10 s").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 0, 1, 0));
        assertThat(only().nextAttemptAt()).isEqualTo(start.plusSeconds(10 + 20));
        assertThat(only().lastStatus()).hasValue(503);

        clock.advance(Duration.ofSeconds(19));
        assertThat(delivery().runDue().attempted()).as("not due before another 20 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 1, 0, 0));

        Delivery done = only();
        assertThat(done.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(receiver.requests()).hasSize(3).extracting(Receiver.Request::deliveryId).containsOnly(done.id());
    }

    @Test
    void afterTheLastAttemptADeliveryIsDeadUntilAnAdminAsksForItAgain() {
        WebhookSecret hook = register("/hook");
        receiver.otherwise(500);
        notifyHotline(NotificationKind.ENTRY_CONFIRMED);
        WebhookDelivery delivery = delivery();

        for (int i = 0; i < 10; i++) {
            delivery.runDue();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(receiver.requests()).as("maxAttempts").hasSize(4);
        Delivery dead = only();
        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.attempts()).isEqualTo(4);
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.DEAD), Optional.empty(), 0, 10)).containsExactly(dead);
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.PENDING), Optional.empty(), 0, 10)).isEmpty();

        receiver.otherwise(204);
        Delivery again = webhooks.retry(admin, dead.id());
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(delivery.runDue()).isEqualTo(new WebhookDelivery.Round(1, 1, 0, 0));
        assertThat(only().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(receiver.requests().getLast().signedWith(hook.secret())).isTrue();
        assertThat(receiver.requests().getLast().deliveryId()).as("the same delivery id: receivers de-duplicate by it").isEqualTo(dead.id());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() {
        settings = settings.withRequestTimeout(Duration.ofMillis(300));
        register("/slow");
        receiver.delay(Duration.ofSeconds(3));
        notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 0, 1, 0));
        Delivery failed = only();
        assertThat(failed.lastStatus()).isEmpty();
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("300 ms"));
    }

    @Test
    void anUnreachableReceiverIsAFailedAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        webhooks.register(admin, "http://127.0.0.1:" + closedPort + "/gone", Optional.empty(), Optional.empty());
        notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 0, 1, 0));
        assertThat(only().lastStatus()).isEmpty();
        assertThat(only().lastError()).isPresent();
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailedAttempt() {
        register("/moved");
        receiver.answer(302);
        notifyHotline(NotificationKind.MATCH_HIT);
        assertThat(delivery().runDue().retrying()).isEqualTo(1);
        assertThat(only().lastStatus()).hasValue(302);
    }

    @Test
    void aRedirectIntoTheNodesNetworkIsNotFollowed() throws IOException {
        try (RawServer moved = new RawServer("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + receiver.url("/stolen")
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
            webhooks.register(admin, "http://127.0.0.1:" + moved.port() + "/hook", Optional.empty(), Optional.empty());
            notifyHotline(NotificationKind.MATCH_HIT);
            assertThat(delivery().runDue().retrying()).isEqualTo(1);
            assertThat(only().lastStatus()).hasValue(307);
            assertThat(only().lastError()).hasValue("HTTP 307");
            assertThat(receiver.requests()).as("the Location was not visited").isEmpty();
        }
    }

    @Test
    void aFailedDeliveryRecordsAGenericReasonNeverTheBytesTheOtherSideSent() throws IOException {
        try (RawServer ssh = new RawServer("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5 internal-bastion-7\r\n")) {
            webhooks.register(admin, "http://127.0.0.1:" + ssh.port() + "/hook", Optional.empty(), Optional.empty());
            notifyHotline(NotificationKind.MATCH_HIT);
            assertThat(delivery().runDue().retrying()).isEqualTo(1);
            assertThat(ssh.connections()).isPositive();
            Delivery failed = only();
            assertThat(failed.lastStatus()).isEmpty();
            assertThat(failed.lastError()).hasValue(WebhookDelivery.Failure.NOT_HTTP.reason);
            assertThat(failed.lastError().orElseThrow()).doesNotContain("SSH").doesNotContain("OpenSSH").doesNotContain("bastion");
        }
    }

    @Test
    void aReceiverThatIsNoTlsServerIsATlsFailureWithoutItsBytes() throws IOException {
        try (RawServer ssh = new RawServer("SSH-2.0-OpenSSH_9.6p1 internal-bastion-7\r\n")) {
            webhooks.register(admin, "https://127.0.0.1:" + ssh.port() + "/hook", Optional.empty(), Optional.empty());
            notifyHotline(NotificationKind.MATCH_HIT);
            assertThat(delivery().runDue().retrying()).isEqualTo(1);
            assertThat(only().lastError()).hasValue(WebhookDelivery.Failure.TLS.reason);
        }
    }

    @Test
    void aNameThatNowResolvesIntoTheNodesNetworkIsRefusedAtDelivery() {
        dns.map("hooks.rebinding.example", "93.184.215.14");
        webhooks.register(admin, "https://hooks.rebinding.example/in", Optional.empty(), Optional.empty());
        // Between registration and delivery the attacker's DNS answers with the cloud metadata service.
        dns.map("hooks.rebinding.example", "169.254.169.254");
        notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(1, 0, 1, 0));
        assertThat(only().lastStatus()).isEmpty();
        assertThat(only().lastError()).hasValue(WebhookDelivery.Failure.REFUSED_ADDRESS.reason);
    }

    @Test
    void theDeliveryConnectsToTheAddressItCheckedUnderTheUrlsHostName() {
        // No DNS server knows this name: only the checked address, handed to the connection, reaches the receiver.
        int port = Integer.parseInt(receiver.url("").replaceAll(".*:", ""));
        dns.map("receiver.vgtx-test", "127.0.0.1");
        WebhookSecret hook = webhooks.register(admin, "http://receiver.vgtx-test:" + port + "/pinned", Optional.empty(), Optional.empty());
        notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue().delivered()).isEqualTo(1);
        Receiver.Request request = receiver.requests().getFirst();
        assertThat(request.header("Host")).isEqualTo("receiver.vgtx-test:" + port);
        assertThat(request.signedWith(hook.secret())).isTrue();
        assertThat(dns.lookups()).as("one lookup at registration, one at delivery, none by the HTTP client").isEqualTo(2);
    }

    @Test
    void withoutTheOperatorsAllowanceTheLoopbackIsRefusedAtRegistrationAndAtDelivery() {
        WebhookSettings publicOnly = settings.withAddresses(new WebhookAddresses(List.of(), dns));
        Webhooks strict = new Webhooks(db, clock, t.audit, publicOnly);
        assertThatThrownBy(() -> strict.register(admin, receiver.url("/hook"), Optional.empty(), Optional.empty()))
                .isInstanceOf(WebhookAddresses.RefusedAddressException.class);
        // Registered while the operator allowed it; the allowance was withdrawn since.
        register("/hook");
        notifyHotline(NotificationKind.MATCH_HIT);
        WebhookDelivery delivery = new WebhookDelivery(db, clock, publicOnly, NO_JITTER, "strict");
        closing.add(delivery);
        assertThat(delivery.runDue().retrying()).isEqualTo(1);
        assertThat(receiver.requests()).isEmpty();
        assertThat(only().lastError()).hasValue(WebhookDelivery.Failure.REFUSED_ADDRESS.reason);
    }

    @Test
    void aNotificationThatRolledBackIsNeverDelivered() {
        register("/hook");
        assertThatThrownBy(() -> db.write(handle -> {
            t.notifications.notify(handle, "Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());
            throw new IllegalStateException("the change that notified failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10)).isEmpty();
        assertThat(delivery().runDue().attempted()).isZero();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void theNotificationAndItsDeliveryCommitTogether() {
        register("/hook");
        db.write(handle -> t.notifications.notify(handle, "Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of()));
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.PENDING), Optional.empty(), 0, 10)).hasSize(1);
    }

    @Test
    void pendingDeliveriesSurviveARestartOfTheNode() {
        WebhookSecret hook = register("/hook");
        receiver.answer(500, 500);
        notifyHotline(NotificationKind.MATCH_HIT);
        notifyHotline(NotificationKind.ENTRY_DISPUTED);
        notifyHotline(NotificationKind.ENTRY_CONFIRMED);
        assertThat(delivery().runDue().retrying()).as("two failed, one went out").isEqualTo(2);
        // The third was made after the worker's last round: never attempted before the restart.
        notifyHotline(NotificationKind.MATCH_HIT);
        db.close();

        // The node comes back: a new database connection, a new delivery service, nothing else carried over.
        db = Database.open(config);
        webhooks = new Webhooks(db, clock, t.audit, settings);
        WebhookDelivery restarted = delivery(db, "worker-after-restart");
        clock.advance(Duration.ofSeconds(10));
        assertThat(restarted.runDue()).isEqualTo(new WebhookDelivery.Round(3, 3, 0, 0));
        assertThat(receiver.requests()).hasSize(6).allSatisfy(r -> assertThat(r.signedWith(hook.secret())).isTrue());
        assertThat(receiver.requests().stream().map(Receiver.Request::deliveryId).distinct()).hasSize(4);
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.DELIVERED), Optional.empty(), 0, 10)).hasSize(4);
    }

    @Test
    void aClaimLeftByANodeThatDiedIsTakenOverWhenItsLeaseRunsOut() {
        register("/hook");
        notifyHotline(NotificationKind.MATCH_HIT);
        long leaseEnd = clock.instant().plus(settings.lease()).toEpochMilli();
        db.write(handle -> handle.execute("UPDATE webhook_deliveries SET locked_by = 'node-that-died/1', locked_until = ?", leaseEnd));

        assertThat(delivery().runDue().attempted()).as("held by the other node's claim").isZero();
        clock.advance(settings.lease());
        assertThat(delivery().runDue().delivered()).isEqualTo(1);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void twoWorkersOnOneDatabaseNeverSendADeliveryTwice() throws Exception {
        settings = new WebhookSettings(4, Duration.ofSeconds(10), Duration.ofHours(1), 0.2, Duration.ofSeconds(10),
                Duration.ofMinutes(2), 3, Duration.ofSeconds(1), settings.addresses());
        register("/a");
        register("/b");
        receiver.delay(Duration.ofMillis(5));
        for (int i = 0; i < 20; i++) notifyHotline(i % 2 == 0 ? NotificationKind.MATCH_HIT : NotificationKind.ENTRY_CONFIRMED);
        // Two nodes: each its own connection pool to the same database, its own worker.
        Database second = Database.open(config);
        closing.add(second);
        List<WebhookDelivery> workers = List.of(delivery(db, "node-1"), delivery(second, "node-2"));

        List<Callable<Integer>> rounds = new ArrayList<>();
        for (WebhookDelivery worker : workers) {
            for (int i = 0; i < 4; i++) rounds.add(() -> worker.runDue().delivered());
        }
        int delivered = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(rounds.size())) {
            for (Future<Integer> f : pool.invokeAll(rounds)) delivered += f.get();
        }

        assertThat(delivered).isEqualTo(40);
        Map<Long, Long> sends = receiver.requests().stream().collect(Collectors.groupingBy(Receiver.Request::deliveryId, Collectors.counting()));
        assertThat(sends).hasSize(40).allSatisfy((id, count) -> assertThat(count).as("delivery " + id).isEqualTo(1L));
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.DELIVERED), Optional.empty(), 0, 100)).hasSize(40);
    }

    @Test
    void aSuspendedOrganisationsDeliveriesWaitUntilItIsReinstated() {
        register("/hook");
        notifyHotline(NotificationKind.MATCH_HIT);
        t.organisations.suspend(hotline.id());
        assertThat(delivery().runDue().attempted()).isZero();
        assertThat(receiver.requests()).isEmpty();

        t.organisations.reinstate(hotline.id());
        assertThat(delivery().runDue().delivered()).isEqualTo(1);
    }

    @Test
    void retriesAreSignedWithTheSecretOfTheMomentAfterARotation() {
        WebhookSecret old = register("/hook");
        receiver.answer(500);
        notifyHotline(NotificationKind.MATCH_HIT);
        delivery().runDue();
        WebhookSecret rotated = webhooks.rotateSecret(admin, old.webhook().id());
        clock.advance(Duration.ofSeconds(10));
        delivery().runDue();

        List<Receiver.Request> requests = receiver.requests();
        assertThat(rotated.secret()).isNotEqualTo(old.secret());
        assertThat(requests.get(0).signedWith(old.secret())).isTrue();
        assertThat(requests.get(1).signedWith(rotated.secret())).isTrue();
        assertThat(requests.get(1).signedWith(old.secret())).isFalse();
    }

    @Test
    void aDeletedWebhookReceivesNothingMore() {
        WebhookSecret hook = register("/hook");
        notifyHotline(NotificationKind.MATCH_HIT);
        webhooks.delete(admin, hook.webhook().id());
        notifyHotline(NotificationKind.MATCH_HIT);

        assertThat(delivery().runDue().attempted()).isZero();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void manyDueDeliveriesGoOutInBatchesInOneRun() {
        settings = new WebhookSettings(4, Duration.ofSeconds(10), Duration.ofHours(1), 0.2, Duration.ofSeconds(10),
                Duration.ofMinutes(2), 4, Duration.ofSeconds(1), settings.addresses());
        register("/hook");
        for (int i = 0; i < 10; i++) notifyHotline(NotificationKind.MATCH_HIT);
        assertThat(delivery().runDue()).isEqualTo(new WebhookDelivery.Round(10, 10, 0, 0));
        Function<Receiver.Request, Long> id = Receiver.Request::deliveryId;
        assertThat(receiver.requests()).extracting(id).doesNotHaveDuplicates().hasSize(10);
    }
}
