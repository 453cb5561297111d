package io.vgtx.core.policy;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;

import java.util.Objects;

/** The organisation asking to see something, as far as visibility cares. */
public record Viewer(long organisationId, String name, OrganisationKind kind, MembershipState state) {
    public Viewer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    public static Viewer of(Principal principal) {
        return new Viewer(principal.organisationId(), principal.organisationName(), principal.kind(), principal.state());
    }

    public static Viewer of(Organisation organisation) {
        return new Viewer(organisation.id(), organisation.name(), organisation.kind(), organisation.state());
    }
}
