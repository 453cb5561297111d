package io.vgtx.core.org;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.vgtx.core.org.MembershipState.*;
import static org.assertj.core.api.Assertions.assertThat;

class MembershipStateTest {
    @Test
    void allowsExactlyTheDesignedTransitions() {
        assertThat(APPLIED.next()).containsExactlyInAnyOrder(APPROVED, REJECTED, WITHDRAWN);
        assertThat(APPROVED.next()).containsExactlyInAnyOrder(ACTIVE, WITHDRAWN);
        assertThat(ACTIVE.next()).containsExactlyInAnyOrder(SUSPENDED, WITHDRAWN);
        assertThat(SUSPENDED.next()).containsExactlyInAnyOrder(ACTIVE, WITHDRAWN);
        assertThat(WITHDRAWN.next()).isEmpty();
        assertThat(REJECTED.next()).isEmpty();
    }

    @Test
    void onlyWithdrawnAndRejectedAreFinal() {
        assertThat(EnumSet.allOf(MembershipState.class).stream().filter(MembershipState::isFinal))
                .containsExactlyInAnyOrder(WITHDRAWN, REJECTED);
    }

    @Test
    void noStateBecomesItself() {
        for (MembershipState state : values()) assertThat(state.canBecome(state)).as(state.name()).isFalse();
    }

    @Test
    void onlyLawEnforcementIsLawEnforcement() {
        assertThat(EnumSet.allOf(OrganisationKind.class).stream().filter(OrganisationKind::isLawEnforcement))
                .containsExactly(OrganisationKind.LAW_ENFORCEMENT);
    }
}
