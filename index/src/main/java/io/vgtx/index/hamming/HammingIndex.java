package io.vgtx.index.hamming;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of (id, 256-bit code) entries answering Hamming range queries: every entry within the radius,
 * exactly, never an approximation. Ids are unique: adding an id that is present replaces its code.
 *
 * <p>Implementations are safe for many concurrent readers; writes are serialised and each one is
 * visible to the very next search.
 */
public interface HammingIndex {
    /** The largest radius a search accepts (PDQ's usual match threshold). */
    int MAX_RADIUS = 31;
    int DEFAULT_RADIUS = MAX_RADIUS;

    /** Adds the entry, or replaces the code of an id that is already present. */
    void add(long id, Code256 code);

    /** Removes the entry; returns false if the id was not present. */
    boolean remove(long id);

    boolean contains(long id);

    /** Reports every entry whose distance to {@code query} is at most {@code radius} (0..31), once. */
    void search(Code256 query, int radius, HitSink sink);

    /** Every entry within {@code radius} of {@code query}, nearest first, then by id. */
    default List<Hit> search(Code256 query, int radius) {
        List<Hit> hits = new ArrayList<>();
        search(query, radius, (id, distance) -> hits.add(new Hit(id, distance)));
        hits.sort(Hit.NEAREST_FIRST);
        return hits;
    }

    /** {@link #search(Code256, int)} at {@link #DEFAULT_RADIUS}. */
    default List<Hit> search(Code256 query) {
        return search(query, DEFAULT_RADIUS);
    }

    /** The number of entries. */
    int size();

    /** Bytes held by the index's own arrays (an estimate of its heap footprint, excluding headers). */
    long memoryBytes();
}
