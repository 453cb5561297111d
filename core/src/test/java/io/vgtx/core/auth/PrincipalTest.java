package io.vgtx.core.auth;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTest {
    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void aPrincipalOfAnInactiveOrganisationMayDoNothing(MembershipState state) {
        for (Role role : Role.values()) {
            Principal principal = principal(role, state, true);
            assertThat(principal.isActive()).isFalse();
            for (Permission permission : Permission.values()) {
                assertThat(principal.may(permission)).as(role + " " + permission).isFalse();
            }
        }
    }

    @Test
    void anActivePrincipalMayWhatItsRoleAllows() {
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                if (permission == Permission.NODE_ADMIN) continue;
                assertThat(principal(role, MembershipState.ACTIVE, false).may(permission)).as(role + " " + permission)
                        .isEqualTo(role.allows(permission));
            }
        }
    }

    @Test
    void onlyAnAdminOfTheOperatorAdministersTheNode() {
        assertThat(principal(Role.ADMIN, MembershipState.ACTIVE, true).may(Permission.NODE_ADMIN)).isTrue();
        assertThat(principal(Role.ADMIN, MembershipState.ACTIVE, false).may(Permission.NODE_ADMIN)).isFalse();
        assertThat(principal(Role.ANALYST, MembershipState.ACTIVE, true).may(Permission.NODE_ADMIN)).isFalse();
        assertThat(principal(Role.BOARD, MembershipState.ACTIVE, true).may(Permission.NODE_ADMIN)).isFalse();
    }

    @Test
    void knowsLawEnforcement() {
        assertThat(principal(Role.VIEWER, MembershipState.ACTIVE, false).isLawEnforcement()).isTrue();
        assertThat(new Principal(1, 2, "Hotline", OrganisationKind.HOTLINE, MembershipState.ACTIVE, Role.VIEWER, false)
                .isLawEnforcement()).isFalse();
    }

    private static Principal principal(Role role, MembershipState state, boolean operator) {
        return new Principal(1, 2, "Police", OrganisationKind.LAW_ENFORCEMENT, state, role, operator);
    }
}
