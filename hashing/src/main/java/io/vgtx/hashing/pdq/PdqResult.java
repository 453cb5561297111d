package io.vgtx.hashing.pdq;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A PDQ hash with its quality (0..100) and, when asked for, the hashes of the other seven dihedral
 * variants. Hashes of quality below {@link #MIN_MATCH_QUALITY} are too flat to match reliably.
 */
public record PdqResult(PdqHash hash, int quality, Map<Dihedral, PdqHash> dihedral) {
    public static final int MIN_MATCH_QUALITY = 50;

    public PdqResult {
        if (quality < 0 || quality > 100) throw new IllegalArgumentException("quality must be 0..100, not " + quality);
        dihedral = dihedral.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(dihedral));
    }

    public PdqResult(PdqHash hash, int quality) {
        this(hash, quality, Map.of());
    }

    public boolean isLowQuality() {
        return quality < MIN_MATCH_QUALITY;
    }

    public boolean hasDihedral() {
        return !dihedral.isEmpty();
    }
}
