package io.vgtx.core.sharing;

import io.vgtx.core.signal.SignalType;

import java.util.Objects;
import java.util.Optional;

/**
 * One hash to look up.
 *
 * @param value   normalised on construction: an invalid hash fails here, naming what is wrong
 * @param quality the PDQ quality the asker computed, when it sends one: below 50 the hash is too flat to match
 */
public record HashQuery(SignalType type, String value, Optional<Integer> quality) {
    public HashQuery {
        Objects.requireNonNull(type, "type");
        value = type.normalize(value);
        Objects.requireNonNull(quality, "quality");
    }
}
