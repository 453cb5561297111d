package io.vgtx.core.casework;

import io.vgtx.core.bank.VictimIdentification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A case with what it links: its owner's view. */
public record CaseDetail(Case details, List<LinkedHash> hashes, List<LinkedSeries> series) {
    public CaseDetail {
        hashes = List.copyOf(hashes);
        series = List.copyOf(series);
    }

    public record LinkedHash(HashRef hash, Instant linkedAt) {}

    /** @param identification set when the series is marked victim-identified */
    public record LinkedSeries(String name, Instant linkedAt, Optional<VictimIdentification> identification) {}
}
