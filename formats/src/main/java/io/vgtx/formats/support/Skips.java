package io.vgtx.formats.support;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Counts of records passed over, by reason; reported to the user after an import or export. */
public final class Skips {
    private final Map<String, Long> counts = new TreeMap<>();

    public void count(String reason) {
        counts.merge(reason, 1L, Long::sum);
    }

    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
