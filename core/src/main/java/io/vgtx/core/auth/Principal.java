package io.vgtx.core.auth;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request comes from: a token, or a signed-in console user, and its organisation as they were when
 * the credential was checked. The organisation's state is read afresh on every check, so a suspension takes
 * effect at once. What a principal may see and do depends only on its organisation and role, never on
 * whether it came from a token or a session.
 *
 * @param tokenId  the API token's id, or {@code 0} for a signed-in user
 * @param operator whether the organisation operates this node
 * @param user     the signed-in user, when the request came with a console session rather than a token
 */
public record Principal(long tokenId, long organisationId, String organisationName, OrganisationKind kind,
                        MembershipState state, Role role, boolean operator, Optional<UserRef> user) {
    public Principal {
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(user, "user");
    }

    /** A token's principal. */
    public Principal(long tokenId, long organisationId, String organisationName, OrganisationKind kind,
                     MembershipState state, Role role, boolean operator) {
        this(tokenId, organisationId, organisationName, kind, state, role, operator, Optional.empty());
    }

    /** Who acted, for records such as votes: {@code token:7} or {@code user:12 alice}. */
    public String reference() {
        return user.map(UserRef::reference).orElse("token:" + tokenId);
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
