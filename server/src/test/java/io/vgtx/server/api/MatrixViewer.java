package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One token of the security matrices, and what the rules say it may do, restated here independently of the code under
 * test: only ACTIVE organisations read (BOARD tokens read nothing); GREEN is every reader's, AMBER law enforcement's,
 * RED the owner's and the recipients' (the matrices name the NGOs as recipients); cases are law enforcement's.
 */
record MatrixViewer(String name, OrganisationKind kind, MembershipState state, Role role, String token, boolean owner) {
    /** The matrices' entries: one PDQ hash per distribution, about 128 bits from each other. */
    static final Map<Distribution, String> HASHES = new EnumMap<>(Map.of(
            Distribution.GREEN, "6f1ed002ab5595859014ebf0951522d9".repeat(2),
            Distribution.AMBER, "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2),
            Distribution.RED, "0f0f1e1e2d2d3c3c4b4b5a5a69697878".repeat(2)));
    static final List<MembershipState> STATES = List.of(MembershipState.APPLIED, MembershipState.APPROVED,
            MembershipState.ACTIVE, MembershipState.SUSPENDED, MembershipState.WITHDRAWN, MembershipState.REJECTED);

    /** An organisation of every kind in every membership state, named "KIND STATE". */
    static List<Organisation> everyKindAndState(Taskforce t) {
        List<Organisation> orgs = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (MembershipState state : STATES) orgs.add(t.organisation(kind + " " + state, kind, "BE", state));
        }
        return orgs;
    }

    /** A token of every role of the owner and of each of the others. */
    static List<MatrixViewer> everyRole(Taskforce t, Organisation owner, List<Organisation> others) {
        List<MatrixViewer> viewers = new ArrayList<>();
        for (Role role : Role.values()) viewers.add(new MatrixViewer(owner.name(), owner.kind(), owner.state(), role, t.token(owner, role), true));
        for (Organisation org : others) {
            for (Role role : Role.values()) viewers.add(new MatrixViewer(org.name(), org.kind(), org.state(), role, t.token(org, role), false));
        }
        return viewers;
    }

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
