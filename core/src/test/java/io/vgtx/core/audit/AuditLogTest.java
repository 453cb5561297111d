package io.vgtx.core.audit;

import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.VerifyReport.Problem;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class AuditLogTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");
    private static final Actor ANALYST = new Actor("Hotline", Optional.of(7L), "ANALYST");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        audit = new AuditLog(db, () -> NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) audit.append(ANALYST, "entries.read", "bank:" + i, Outcome.OK, Map.of("count", "" + i));
    }

    private VerifyReport.Broken broken() {
        return (VerifyReport.Broken) audit.verify();
    }

    @Test
    void eventsAreNumberedChainedAndListedInOrder() {
        AuditEvent first = audit.append(ANALYST, "bank.create", "bank:1", Outcome.OK, Map.of("name", "known"));
        AuditEvent second = audit.append(Actor.cli("Police"), "entries.add", "bank:1", Outcome.DENIED, Map.of());

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditEvent.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(audit.list(0, 10)).containsExactly(first, second);
        assertThat(audit.list(1, 10)).containsExactly(second);
        assertThat(audit.verify()).isEqualTo(new VerifyReport.Intact(2, second.hash()));
    }

    @Test
    void anEmptyTrailIsIntact() {
        assertThat(audit.verify()).isEqualTo(new VerifyReport.Intact(0, AuditEvent.GENESIS));
    }

    @Test
    void anEditedDetailIsReportedAtThatEvent() {
        appendFive();
        db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET details = '{\"count\":\"99\"}' WHERE seq = 3"));

        assertThat(broken().seq()).isEqualTo(3);
        assertThat(broken().problem()).isEqualTo(Problem.EDITED);
    }

    @Test
    void anEditedAndRehashedEventIsReportedAtThatEvent() {
        appendFive();
        AuditEvent third = audit.list(2, 1).getFirst();
        String forged = AuditEvent.chainHash(third.prevHash(), 3, third.at(), third.actor(), third.action(), "bank:99", third.outcome(), third.details());
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE audit_log SET subject = 'bank:99', hash = :hash WHERE seq = 3").bind("hash", forged).execute());

        assertThat(broken().seq()).isEqualTo(3);
        assertThat(broken().problem()).isEqualTo(Problem.EDITED);
        assertThat(broken().reason()).contains("re-hashed");
    }

    @Test
    void aDeletedMiddleEventIsReportedByItsNumber() {
        appendFive();
        db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 2"));

        assertThat(broken()).isEqualTo(new VerifyReport.Broken(2, Problem.DELETED, "event 2 is missing"));
    }

    @Test
    void aDeletedFirstEventIsReported() {
        appendFive();
        db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 1"));

        assertThat(broken().seq()).isEqualTo(1);
        assertThat(broken().problem()).isEqualTo(Problem.DELETED);
    }

    @Test
    void twoSwappedEventsAreReportedAsReordered() {
        appendFive();
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE audit_log SET seq = 100 WHERE seq = 2");
            h.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3");
            h.execute("UPDATE audit_log SET seq = 3 WHERE seq = 100");
        });

        assertThat(broken().seq()).isEqualTo(2);
        assertThat(broken().problem()).isEqualTo(Problem.REORDERED);
    }

    @Test
    void anEventAppendedInsideAWriteThatRollsBackIsNotKept() {
        assertThatThrownBy(() -> db.write(handle -> {
            audit.append(handle, ANALYST, "bank.create", "bank:1", Outcome.OK, Map.of());
            throw new IllegalStateException("the write failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.list(0, 10)).isEmpty();
        assertThat(audit.append(ANALYST, "bank.create", "bank:1", Outcome.OK, Map.of()).seq()).isEqualTo(1);
    }

    @Test
    void detailsThatLookLikeTokenSecretsOrContentAreRefused() {
        assertThatThrownBy(() -> audit.append(ANALYST, "token.issue", "token:1", Outcome.OK, Map.of("token", "vgtx_abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token secret");
        assertThatThrownBy(() -> audit.append(ANALYST, "match.query", "match", Outcome.OK, Map.of("x", "a".repeat(1001))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> audit.append(ANALYST, " ", "match", Outcome.OK, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.list(0, 10)).isEmpty();
    }
}
