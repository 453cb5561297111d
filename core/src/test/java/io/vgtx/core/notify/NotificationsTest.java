package io.vgtx.core.notify;

import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class NotificationsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    Notifications notifications;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        notifications = new Notifications(db, () -> NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOrganisationListsOnlyItsOwnNotificationsOldestFirst() {
        Notification first = notifications.notify("Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of("asker", "Police", "bank", "known"));
        notifications.notify("Police", NotificationKind.ENTRY_DISPUTED, "entry:2", Map.of());
        Notification third = notifications.notify("Hotline", NotificationKind.ENTRY_CONFIRMED, "entry:3", Map.of("by", "NGO"));

        assertThat(notifications.list("Hotline", 0, 10)).containsExactly(first, third);
        assertThat(notifications.list("Hotline", first.id(), 10)).containsExactly(third);
        assertThat(notifications.list("Hotline", 0, 1)).containsExactly(first);
        assertThat(notifications.list("Nobody", 0, 10)).isEmpty();
        assertThat(first.details()).containsEntry("asker", "Police");
    }

    @Test
    void aListOfSomeKindsSkipsTheOthersAndPagesAsUsual() {
        Notification hit = notifications.notify("Police", NotificationKind.MATCH_HIT, "entry:1", Map.of());
        Notification alert = notifications.notify("Police", NotificationKind.DECONFLICTION, "case:4", Map.of("counterpart", "Other Police"));
        notifications.notify("Other Police", NotificationKind.DECONFLICTION, "case:9", Map.of());
        Notification routed = notifications.notify("Police", NotificationKind.REPORT_ROUTED, "report:2", Map.of());
        Notification second = notifications.notify("Police", NotificationKind.DECONFLICTION, "case:4", Map.of());

        assertThat(notifications.list("Police", Set.of(NotificationKind.DECONFLICTION), 0, 10)).containsExactly(alert, second);
        assertThat(notifications.list("Police", Set.of(NotificationKind.DECONFLICTION), alert.id(), 10)).containsExactly(second);
        assertThat(notifications.list("Police", Set.of(NotificationKind.DECONFLICTION, NotificationKind.MATCH_HIT), 0, 2)).containsExactly(hit, alert);
        assertThat(notifications.list("Police", Set.of(), 0, 10)).containsExactly(hit, alert, routed, second);
        assertThat(notifications.list("Police", Set.of(NotificationKind.USER_LOCKED), 0, 10)).isEmpty();
    }

    @Test
    void aNotificationInsideARolledBackWriteIsNotKept() {
        assertThatThrownBy(() -> db.write(handle -> {
            notifications.notify(handle, "Hotline", NotificationKind.MATCH_HIT, "entry:1", Map.of());
            throw new IllegalStateException("the surrounding write failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(notifications.list("Hotline", 0, 10)).isEmpty();
    }

    @Test
    void aPageLimitOutsideOneToAThousandIsRefused() {
        assertThatThrownBy(() -> notifications.list("Hotline", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.list("Hotline", 0, 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
