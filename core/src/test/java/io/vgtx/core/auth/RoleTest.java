package io.vgtx.core.auth;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.vgtx.core.auth.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {
    /** The whole table, written out: a permission added to or dropped from a role fails here. */
    private static final Map<Role, Set<Permission>> EXPECTED = Map.of(
            Role.ADMIN, EnumSet.of(READ_MEMBERSHIP, READ, WRITE, MANAGE_ORGANISATION, NODE_ADMIN),
            Role.ANALYST, EnumSet.of(READ_MEMBERSHIP, READ, WRITE),
            Role.VIEWER, EnumSet.of(READ_MEMBERSHIP, READ),
            Role.BOARD, EnumSet.of(READ_MEMBERSHIP, VOTE));

    @Test
    void eachRoleAllowsExactlyItsPermissions() {
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                assertThat(role.allows(permission)).as(role + " " + permission)
                        .isEqualTo(EXPECTED.get(role).contains(permission));
            }
        }
    }

    @Test
    void onlyAdminsAndAnalystsWrite() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.allows(WRITE))).containsExactlyInAnyOrder(Role.ADMIN, Role.ANALYST);
    }

    @Test
    void onlyTheBoardVotes() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.allows(VOTE))).containsExactly(Role.BOARD);
    }

    @Test
    void theBoardReadsNoBankData() {
        assertThat(Role.BOARD.allows(READ)).isFalse();
        assertThat(Role.BOARD.allows(WRITE)).isFalse();
    }
}
