package io.vgtx.core.webhook;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The background worker: what is pending when it starts goes out, later notifications follow, and it stops. */
class WebhookWorkerTest {
    @TempDir
    Path tempDir;

    @Test
    void theWorkerDeliversWhatWasPendingAtStartAndWhatComesLaterUntilItIsClosed() throws Exception {
        WebhookSettings settings = new TestDns().settings(WebhookSettings.defaults().withPollInterval(Duration.ofMillis(20)));
        try (Database db = Database.open(Backend.SQLITE.newDatabase(tempDir)); Receiver receiver = new Receiver()) {
            Taskforce t = new Taskforce(db, InstantSource.system());
            Principal admin = t.principal(t.active("Hotline", OrganisationKind.HOTLINE), Role.ADMIN);
            new Webhooks(db, InstantSource.system(), t.audit, settings).register(admin, receiver.url("/hook"), Optional.empty(), Optional.empty());
            t.notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());

            WebhookWorker worker = new WebhookWorker(new WebhookDelivery(db, InstantSource.system(), settings)).start();
            try {
                awaitRequests(receiver, 1);
                t.notifications.notify("Hotline", NotificationKind.ENTRY_DISPUTED, "entry:2", Map.of());
                awaitRequests(receiver, 2);
            } finally {
                worker.close();
            }
            t.notifications.notify("Hotline", NotificationKind.ENTRY_CONFIRMED, "entry:3", Map.of());
            Thread.sleep(200);
            assertThat(receiver.requests()).as("nothing after close").hasSize(2);
            assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
            worker.close();
        }
    }

    private static void awaitRequests(Receiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiver.requests().size() < count && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(receiver.requests()).hasSize(count);
    }
}
