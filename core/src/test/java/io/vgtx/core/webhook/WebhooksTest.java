package io.vgtx.core.webhook;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.SharedPostgres;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an organisation's ADMIN does with its webhooks, and what nobody else may do, on both databases. */
@ParameterizedClass
@EnumSource(Backend.class)
class WebhooksTest {
    private static final String URL = "https://hooks.hotline.example/vgtx/T0/B0/receiver-own-secret?token=abc";

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

    @BeforeEach
    void open() {
        config = backend.newDatabase(tempDir);
        db = Database.open(config);
        t = new Taskforce(db, clock);
        hotline = t.active("Hotline", OrganisationKind.HOTLINE);
        admin = t.principal(hotline, Role.ADMIN);
        webhooks = new Webhooks(db, clock, t.audit, new TestDns().settings(WebhookSettings.defaults()));
    }

    @AfterEach
    void close() {
        db.close();
        if (config instanceof DatabaseConfig.JdbcUrl(String url)) SharedPostgres.dropDatabase(url);
    }

    @Test
    void registeringShowsTheSecretOnceAndTheListNeverShowsIt() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.of(Set.of(NotificationKind.MATCH_HIT)), Optional.of(" SOC pager "));

        assertThat(registered.secret()).matches("vgtx_whsec_[A-Za-z0-9_-]{43}");
        assertThat(registered.toString()).doesNotContain(registered.secret());
        Webhook webhook = registered.webhook();
        assertThat(webhook.url()).hasToString(URL);
        assertThat(webhook.allKinds()).isFalse();
        assertThat(webhook.kinds()).containsExactly(NotificationKind.MATCH_HIT);
        assertThat(webhook.description()).contains("SOC pager");
        assertThat(webhook.organisationId()).isEqualTo(hotline.id());
        assertThat(webhook.createdAt()).isEqualTo(clock.instant());
        assertThat(webhooks.list(admin)).containsExactly(webhook);
        assertThat(webhooks.list(admin).toString()).doesNotContain(registered.secret());

        WebhookSecret second = webhooks.register(admin, "https://other.example/", Optional.empty(), Optional.empty());
        assertThat(second.secret()).isNotEqualTo(registered.secret());
        assertThat(second.webhook().allKinds()).isTrue();
        assertThat(webhooks.list(admin)).extracting(Webhook::id).containsExactly(webhook.id(), second.webhook().id());
    }

    @Test
    void rotatingGivesANewSecretAndRecordsWhen() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.empty(), Optional.empty());
        clock.advance(java.time.Duration.ofMinutes(5));
        WebhookSecret rotated = webhooks.rotateSecret(admin, registered.webhook().id());

        assertThat(rotated.secret()).isNotEqualTo(registered.secret()).matches("vgtx_whsec_[A-Za-z0-9_-]{43}");
        assertThat(rotated.webhook().secretRotatedAt()).contains(clock.instant());
        String stored = db.read(h -> h.createQuery("SELECT secret FROM webhooks").mapTo(String.class).one());
        assertThat(stored).isEqualTo(rotated.secret());
    }

    @Test
    void deletingRemovesTheWebhookWithItsDeliveries() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.empty(), Optional.empty());
        t.notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());
        assertThat(webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10)).hasSize(1);

        webhooks.delete(admin, registered.webhook().id());

        assertThat(webhooks.list(admin)).isEmpty();
        assertThat(webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10)).isEmpty();
        assertThatThrownBy(() -> webhooks.delete(admin, registered.webhook().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyChangeIsAuditedWithTheOriginButNeverTheSecretOrTheFullUrl() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.of(Set.of(NotificationKind.ENTRY_DISPUTED, NotificationKind.MATCH_HIT)),
                Optional.empty());
        long id = registered.webhook().id();
        WebhookSecret rotated = webhooks.rotateSecret(admin, id);
        t.notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());
        long deliveryId = webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10).getFirst().id();
        db.write(h -> h.execute("UPDATE webhook_deliveries SET state = 'DEAD'"));
        webhooks.retry(admin, deliveryId);
        webhooks.delete(admin, id);

        List<AuditEvent> events = t.audit.list(0, 100).stream().filter(e -> e.action().startsWith("webhook.")).toList();
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("webhook.register", "webhook.rotate-secret", "webhook.retry", "webhook.delete");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor().organisation()).isEqualTo("Hotline");
            assertThat(e.actor().tokenId()).contains(admin.tokenId());
        });
        assertThat(events.getFirst().subject()).isEqualTo("webhook:" + id);
        assertThat(events.getFirst().details()).containsEntry("origin", "https://hooks.hotline.example")
                .containsEntry("kinds", "ENTRY_DISPUTED,MATCH_HIT");
        assertThat(events.get(2).subject()).isEqualTo("delivery:" + deliveryId);
        assertThat(events.get(2).details()).containsEntry("was", "DEAD");
        assertThat(events.toString()).doesNotContain(registered.secret()).doesNotContain(rotated.secret())
                .doesNotContain("receiver-own-secret").doesNotContain("token=abc");
    }

    @Test
    void anotherOrganisationsWebhooksAndDeliveriesAreNotFound() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.empty(), Optional.empty());
        t.notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());
        long deliveryId = webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 10).getFirst().id();
        db.write(h -> h.execute("UPDATE webhook_deliveries SET state = 'DEAD'"));
        Organisation police = t.active("Other Police", OrganisationKind.LAW_ENFORCEMENT);
        Principal otherAdmin = t.principal(police, Role.ADMIN);
        Principal operatorAdmin = t.principal(t.operator, Role.ADMIN);

        for (Principal outsider : List.of(otherAdmin, operatorAdmin)) {
            assertThat(webhooks.list(outsider)).isEmpty();
            assertThat(webhooks.deliveries(outsider, Optional.empty(), Optional.empty(), 0, 10)).isEmpty();
            assertThatThrownBy(() -> webhooks.delete(outsider, registered.webhook().id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> webhooks.rotateSecret(outsider, registered.webhook().id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> webhooks.retry(outsider, deliveryId)).isInstanceOf(NotFoundException.class);
        }
        assertThat(webhooks.list(admin)).hasSize(1);
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.DEAD), Optional.empty(), 0, 10)).hasSize(1);
    }

    @Test
    void onlyAnAdminOfAnActiveOrganisationManagesWebhooks() {
        WebhookSecret registered = webhooks.register(admin, URL, Optional.empty(), Optional.empty());
        long id = registered.webhook().id();
        // Before any BOARD token of Hotline: the fixture's operator alone must make the quorum.
        for (MembershipState state : List.of(MembershipState.APPLIED, MembershipState.APPROVED, MembershipState.SUSPENDED,
                MembershipState.WITHDRAWN, MembershipState.REJECTED)) {
            Organisation org = t.organisation("Org " + state, OrganisationKind.NGO, "FR", state);
            assertRefused(t.principal(org, Role.ADMIN), id);
        }
        for (Role role : List.of(Role.ANALYST, Role.VIEWER, Role.BOARD)) assertRefused(t.principal(hotline, role), id);
        Principal stillAdmin = t.principal(hotline, Role.ADMIN);
        t.organisations.suspend(hotline.id());
        Principal suspendedAdmin = t.tokens.authenticate(t.token(hotline, Role.ADMIN)).orElseThrow();
        assertRefused(suspendedAdmin, id);
        assertThat(stillAdmin.state()).isEqualTo(MembershipState.ACTIVE);
    }

    private void assertRefused(Principal principal, long webhookId) {
        assertThatThrownBy(() -> webhooks.register(principal, URL, Optional.empty(), Optional.empty())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.list(principal)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.delete(principal, webhookId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.rotateSecret(principal, webhookId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.deliveries(principal, Optional.empty(), Optional.empty(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.retry(principal, 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> webhooks.register(admin, "http://hooks.example.org/", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> webhooks.register(admin, URL, Optional.of(Set.of()), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> webhooks.register(admin, URL, Optional.empty(), Optional.of("x".repeat(201))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> webhooks.register(admin, URL, Optional.empty(), Optional.of("line\nbreak")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(webhooks.list(admin)).isEmpty();
    }

    @Test
    void anOrganisationHasAtMostTwentyWebhooks() {
        for (int i = 0; i < Webhooks.MAX_PER_ORGANISATION; i++) webhooks.register(admin, URL + i, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> webhooks.register(admin, URL, Optional.empty(), Optional.empty()))
                .isInstanceOf(WebhookConflictException.class).hasMessageContaining("delete one");
        Organisation other = t.active("Other", OrganisationKind.NGO);
        assertThat(webhooks.register(t.principal(other, Role.ADMIN), URL, Optional.empty(), Optional.empty())).isNotNull();
    }

    @Test
    void aPendingDeliveryIsNotRetriedTwiceAndTheListFiltersAndPages() {
        WebhookSecret a = webhooks.register(admin, URL, Optional.empty(), Optional.empty());
        WebhookSecret b = webhooks.register(admin, "https://b.example/", Optional.of(Set.of(NotificationKind.MATCH_HIT)), Optional.empty());
        for (int i = 0; i < 3; i++) t.notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:" + i, Map.of());
        List<Delivery> all = webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 100);
        assertThat(all).hasSize(6).allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.PENDING));
        assertThatThrownBy(() -> webhooks.retry(admin, all.getFirst().id())).isInstanceOf(WebhookConflictException.class);

        assertThat(webhooks.deliveries(admin, Optional.empty(), Optional.of(b.webhook().id()), 0, 100))
                .hasSize(3).allSatisfy(d -> assertThat(d.webhookId()).isEqualTo(b.webhook().id()));
        List<Delivery> page = webhooks.deliveries(admin, Optional.empty(), Optional.empty(), 0, 4);
        assertThat(page).hasSize(4);
        assertThat(webhooks.deliveries(admin, Optional.empty(), Optional.empty(), page.getLast().id(), 4)).hasSize(2);
        assertThat(webhooks.deliveries(admin, Optional.of(DeliveryState.DEAD), Optional.empty(), 0, 100)).isEmpty();
        assertThat(all.getFirst().kind()).isEqualTo(NotificationKind.MATCH_HIT);
        assertThat(all.getFirst().subject()).isEqualTo("entry:0");
        assertThat(a.webhook().id()).isNotEqualTo(b.webhook().id());
    }
}
