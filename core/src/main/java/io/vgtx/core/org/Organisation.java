package io.vgtx.core.org;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A taskforce member or partner as this node knows it.
 *
 * @param name          unique on the node; banks refer to their owner by it
 * @param country       ISO 3166-1 alpha-2, upper case
 * @param contact       an e-mail address or free text
 * @param jurisdictions the countries it handles reports for, sorted, no repeats
 * @param operator      whether it operates this node (its ADMINs administer the node)
 */
public record Organisation(long id, String name, OrganisationKind kind, String country, Optional<String> contact,
                           List<String> jurisdictions, MembershipState state, Instant createdAt,
                           Optional<Agreement> agreement, boolean operator) {
    public Organisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(contact, "contact");
        jurisdictions = List.copyOf(jurisdictions);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(agreement, "agreement");
    }

    public boolean isActive() {
        return state == MembershipState.ACTIVE;
    }

    public boolean isLawEnforcement() {
        return kind.isLawEnforcement();
    }
}
