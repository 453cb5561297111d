package io.vgtx.core.signal;

import java.util.List;
import java.util.Locale;

/** Every hash type the platform knows. */
public final class SignalTypes {
    public static final List<SignalType> ALL = List.of(
            DigestSignal.MD5, DigestSignal.SHA1, DigestSignal.SHA256, PdqSignal.PDQ, PhotoDnaSignal.PHOTODNA);

    private SignalTypes() {}

    /** Looks a type up by name, case-insensitively; also accepts {@code SHA-1} and {@code SHA-256}. */
    public static SignalType byName(String name) {
        String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace("-", "");
        for (SignalType type : ALL) if (type.name().equals(key)) return type;
        throw new IllegalArgumentException("unknown hash type '" + name + "' (expected one of MD5, SHA1, SHA256, PDQ, PHOTODNA)");
    }
}
