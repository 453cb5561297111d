package io.vgtx.index.hamming;

import java.util.Comparator;

/** One search result: an entry id and its Hamming distance to the query. */
public record Hit(long id, int distance) {
    /** Nearest first, then by id, so that result lists are deterministic. */
    public static final Comparator<Hit> NEAREST_FIRST =
            Comparator.comparingInt(Hit::distance).thenComparingLong(Hit::id);
}
