package io.vgtx.core.casework;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A law-enforcement agency's case: private to its owner organisation.
 *
 * @param organisation the owning organisation's name
 * @param reference    the agency's own reference for it, when it gives one
 * @param closedAt     when it was closed, while it is CLOSED
 */
public record Case(long id, String organisation, String title, Optional<String> reference, CaseState state, Instant createdAt,
                   Optional<Instant> closedAt) {
    public Case {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
