package io.vgtx.core.casework;

import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;

import java.util.Objects;

/**
 * A hash a case links (or a match or report touches), typed like the rest of the API.
 *
 * @param value normalised on construction ({@link SignalType#normalize}): an invalid hash fails here, naming what is wrong
 */
public record HashRef(SignalType type, String value) {
    public HashRef {
        Objects.requireNonNull(type, "type");
        value = type.normalize(value);
    }

    /** @throws IllegalArgumentException for an unknown type or an invalid value */
    public static HashRef of(String type, String value) {
        if (type == null) throw new IllegalArgumentException("a hash needs a type");
        if (value == null) throw new IllegalArgumentException("a hash needs a value");
        return new HashRef(SignalTypes.byName(type), value);
    }

    /** {@code PDQ:f8f8…}: how alerts name it. */
    @Override
    public String toString() {
        return type.name() + ":" + value;
    }
}
