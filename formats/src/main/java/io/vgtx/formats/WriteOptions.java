package io.vgtx.formats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How to write an output.
 *
 * @param producer the exporting organisation's name (the STIX {@code identity} that creates every indicator)
 * @param now      the export time (STIX {@code created}/{@code modified}); fixed in tests so output is deterministic
 */
public record WriteOptions(String producer, Instant now) {
    public WriteOptions {
        if (producer == null || producer.isBlank()) throw new IllegalArgumentException("producer must name the exporting organisation");
        // STIX timestamps carry milliseconds; a finer clock would make two exports of one instant differ.
        now = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MILLIS);
    }

    /** Options for an export happening now. */
    public static WriteOptions of(String producer) {
        return new WriteOptions(producer, Instant.now());
    }
}
