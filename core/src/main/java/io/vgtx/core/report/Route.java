package io.vgtx.core.report;

import io.vgtx.core.org.OrganisationKind;

import java.time.Instant;
import java.util.Objects;

/** An organisation a report was routed to, and why. */
public record Route(long organisationId, String organisation, OrganisationKind kind, Reason reason, Instant routedAt) {
    public enum Reason {
        /** A law-enforcement organisation whose jurisdictions include the hosting country. */
        JURISDICTION,
        /** The hotline for the hosting country. */
        HOTLINE,
        /** The node's fallback organisation: no law-enforcement organisation holds the jurisdiction. */
        FALLBACK
    }

    public Route {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(routedAt, "routedAt");
    }
}
