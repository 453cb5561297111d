package io.vgtx.core.audit;

import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.UserRef;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
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

/** What a signed-in console user does is audited under the user's name, and that name is part of the hash chain. */
@ParameterizedClass
@EnumSource(Backend.class)
class AuditSignedInUserTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        audit = new AuditLog(db, () -> Instant.parse("2026-11-28T12:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSessionsActorNamesTheUserAndNoToken() {
        Principal alice = new Principal(0, 1, "Police", OrganisationKind.LAW_ENFORCEMENT, MembershipState.ACTIVE, Role.ANALYST, true,
                Optional.of(new UserRef(12, "alice")));
        audit.append(new Actor("Police", Optional.of(3L), "ADMIN"), "token.issue", "token:3", Outcome.OK, Map.of());
        audit.append(Actor.of(alice), "bank.create", "bank:1", Outcome.OK, Map.of("name", "known"));
        AuditEvent event = audit.list(1, 10).getFirst();
        assertThat(event.actor()).isEqualTo(new Actor("Police", Optional.empty(), "ANALYST", Optional.of("user:12 alice")));
        assertThat(audit.verify()).isInstanceOf(VerifyReport.Intact.class);
        assertThat(audit.list(0, 10).getFirst().actor().user()).isEmpty();
    }

    @Test
    void changingTheUserBreaksTheChain() {
        Principal alice = new Principal(0, 1, "Police", OrganisationKind.LAW_ENFORCEMENT, MembershipState.ACTIVE, Role.ANALYST, true,
                Optional.of(new UserRef(12, "alice")));
        audit.append(Actor.of(alice), "bank.create", "bank:1", Outcome.OK, Map.of());
        db.write(h -> h.createUpdate("UPDATE audit_log SET user_ref = 'user:13 bob'").execute());
        assertThat(audit.verify()).isInstanceOf(VerifyReport.Broken.class);
    }
}
