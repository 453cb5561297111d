package io.vgtx.core.auth;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;

import java.util.Objects;

/**
 * Who a request comes from: a token and its organisation as they were when the token was checked.
 * The organisation's state is read afresh on every check, so a suspension takes effect at once.
 *
 * @param operator whether the organisation operates this node
 */
public record Principal(long tokenId, long organisationId, String organisationName, OrganisationKind kind,
                        MembershipState state, Role role, boolean operator) {
    public Principal {
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(role, "role");
    }

    public boolean isActive() {
        return state == MembershipState.ACTIVE;
    }

    public boolean isLawEnforcement() {
        return kind.isLawEnforcement();
    }

    /**
     * Whether this principal may do something now: its organisation is ACTIVE (only active
     * organisations do anything), its role allows it, and node administration is the operator's.
     */
    public boolean may(Permission permission) {
        if (!isActive() || !role.allows(permission)) return false;
        return permission != Permission.NODE_ADMIN || operator;
    }
}
