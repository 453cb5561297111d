package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;

/**
 * One token of the security matrices, and what the rules say it may do, restated here independently of the code under
 * test: only ACTIVE organisations read (BOARD tokens read nothing); GREEN is every reader's, AMBER law enforcement's,
 * RED the owner's and the recipients' (the matrices name the NGOs as recipients); cases are law enforcement's.
 */
record MatrixViewer(String name, OrganisationKind kind, MembershipState state, Role role, String token, boolean owner) {
    boolean reads() {
        return state == MembershipState.ACTIVE && role != Role.BOARD;
    }

    boolean keepsCases() {
        return reads() && kind == OrganisationKind.LAW_ENFORCEMENT;
    }

    boolean sees(Distribution distribution) {
        if (!reads()) return false;
        if (owner) return true;
        return switch (distribution) {
            case GREEN -> true;
            case AMBER -> kind == OrganisationKind.LAW_ENFORCEMENT;
            case RED -> kind == OrganisationKind.NGO;
        };
    }

    @Override
    public String toString() {
        return name + " " + role;
    }
}
