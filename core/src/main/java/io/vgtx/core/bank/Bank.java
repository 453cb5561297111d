package io.vgtx.core.bank;

import java.time.Instant;
import java.util.Optional;

/** A named hash set owned by one organisation, with the defaults its new entries get. */
public record Bank(long id, String name, String owner, Optional<Category> defaultCategory,
                   Distribution defaultDistribution, Instant createdAt) {
}
