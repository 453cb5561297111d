package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read and change an organisation's console users: organisation kind × membership state × role, the
 * target's own organisation included. Reading: exactly the node's administrators (ADMINs of the ACTIVE operator) and
 * the target organisation's own ADMINs while it is ACTIVE. Creating, resetting and enabling its ANALYST, VIEWER and
 * (while it has an ADMIN) ADMIN users: its own ADMINs only, not the node's (issue 14: the node administrator cannot act
 * as another organisation). Everyone else 403, and no answer lists a user or echoes a password to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserAdminMatrix {
    private static final List<MembershipState> STATES = List.of(MembershipState.APPLIED, MembershipState.APPROVED,
            MembershipState.ACTIVE, MembershipState.SUSPENDED, MembershipState.WITHDRAWN, MembershipState.REJECTED);

    private final Backend backend;
    LiveNode node;
    Organisation target;
    long userId;
    final List<Caller> callers = new ArrayList<>();

    record Caller(String name, boolean operator, boolean ownOrganisation, MembershipState state, Role role, String token) {
        boolean administers() {
            return state == MembershipState.ACTIVE && role == Role.ADMIN && (operator || ownOrganisation);
        }

        boolean changesUsers() {
            return state == MembershipState.ACTIVE && role == Role.ADMIN && ownOrganisation;
        }

        @Override
        public String toString() {
            return name + " " + role;
        }
    }

    UserAdminMatrix(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        target = t.active("Target Hotline", OrganisationKind.HOTLINE);
        String targetAdmin = t.token(target, Role.ADMIN);
        LiveNode.Reply created = node.post(targetAdmin, "/api/v1/organisations/" + target.id() + "/users", "{\"login\":\"target-user\",\"role\":\"ANALYST\"}");
        userId = created.json().get("user").get("id").asLong();
        // Every organisation first: a BOARD token changes the quorum the fixture's approvals need.
        List<Organisation> others = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (MembershipState state : STATES) others.add(t.organisation(kind + " " + state, kind, "BE", state));
        }
        for (Role role : Role.values()) {
            callers.add(new Caller(t.operator.name(), true, false, MembershipState.ACTIVE, role, t.token(t.operator, role)));
            callers.add(new Caller(target.name(), false, true, MembershipState.ACTIVE, role, t.token(target, role)));
            for (Organisation org : others) callers.add(new Caller(org.name(), false, false, org.state(), role, t.token(org, role)));
        }
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<Caller> callers() {
        return callers.stream();
    }

    @ParameterizedTest
    @MethodSource("callers")
    void onlyTheNodesAdminsAndTheOrganisationsOwnAdminsReadItsUsers(Caller caller) {
        LiveNode.Reply list = node.get(caller.token(), "/api/v1/organisations/" + target.id() + "/users");
        LiveNode.Reply one = node.get(caller.token(), "/api/v1/users/" + userId);
        int expected = caller.administers() ? 200 : 403;
        assertThat(list.status()).as(list.body()).isEqualTo(expected);
        assertThat(one.status()).as(one.body()).isEqualTo(expected);
        if (expected == 403) assertThat(list.body() + one.body()).doesNotContain("target-user");
    }

    @ParameterizedTest
    @MethodSource("callers")
    void onlyTheOrganisationsOwnAdminsCreateEnableOrResetUsers(Caller caller) {
        String login = ("u" + Math.abs((caller.name() + caller.role()).hashCode())).substring(0, 9);
        LiveNode.Reply created = node.post(caller.token(), "/api/v1/organisations/" + target.id() + "/users", "{\"login\":\"" + login + "\",\"role\":\"VIEWER\"}");
        LiveNode.Reply reset = node.post(caller.token(), "/api/v1/users/" + userId + "/password", "{}");
        LiveNode.Reply enable = node.post(caller.token(), "/api/v1/users/" + userId + "/enable", "");
        if (caller.changesUsers()) {
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(enable.status()).isEqualTo(200);
        } else {
            assertThat(created.status()).as(created.body()).isEqualTo(403);
            assertThat(reset.status()).as(reset.body()).isEqualTo(403);
            assertThat(reset.body()).doesNotContain("password\":\"");
            assertThat(enable.status()).isEqualTo(403);
        }
    }
}
