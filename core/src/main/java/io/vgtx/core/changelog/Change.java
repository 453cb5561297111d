package io.vgtx.core.changelog;

import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.SignalType;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the change log: entry {@code entryId} of bank {@code bankId} changed at {@code at} and is
 * now in {@code state}. Carries the hash itself so that an index or a peer can apply it on its own.
 *
 * @param seq position in the log: 1, 2, 3 … in commit order, without gaps (a rolled-back write leaves none)
 */
public record Change(long seq, long bankId, long entryId, ChangeKind kind, Instant at,
                     SignalType type, String value, EntryState state) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(state, "state");
    }
}
