package io.vgtx.core.store;

import io.vgtx.core.signal.SignalType;

/** What a match index needs of an active entry: its id and its hash. */
public record ActiveHash(long entryId, SignalType type, String value) {
}
