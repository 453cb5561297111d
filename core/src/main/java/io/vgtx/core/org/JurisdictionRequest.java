package io.vgtx.core.org;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Countries an organisation asked to handle reports for, waiting for the node administrator's decision. Until it is
 * granted, reports are routed by the jurisdictions it has ({@link Organisation#jurisdictions}).
 *
 * @param countries   what it would handle once granted (all of it, not an addition), sorted, no repeats; may be empty
 * @param requestedBy who asked (token id or user reference)
 */
public record JurisdictionRequest(long organisationId, String organisationName, List<String> countries, Instant requestedAt,
                                  String requestedBy) {
    public JurisdictionRequest {
        Objects.requireNonNull(organisationName, "organisationName");
        countries = List.copyOf(countries);
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
