package io.vgtx.index.hamming;

import io.vgtx.index.hamming.MultiIndexHammingIndex.Tuning;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The production index: a {@link MultiIndexHammingIndex} in the shape that searches fastest at its size
 * ({@link Tuning#forSize}), rebuilt in the other shape when writes carry it well past the boundary.
 *
 * <p>A rebuild happens inside the write that crosses the boundary, from the live entries, while searches go
 * on in the old index: it holds every entry the writes before it left, and no write can happen until the new
 * index replaces it. Searches therefore never wait for a rebuild; the writer does (about 2 s at 4 M
 * entries, once), and the heap briefly holds both indexes. The gap between growing and shrinking keeps an
 * index that hovers near the boundary from rebuilding back and forth.
 */
public final class AdaptiveHammingIndex implements HammingIndex {
    /** {@link Tuning#SMALL} turns {@link Tuning#LARGE} above this many entries... */
    static final int GROW_ABOVE = Tuning.SMALL_LIMIT;
    /** ...and back below this many. */
    static final int SHRINK_BELOW = Tuning.SMALL_LIMIT / 4 * 3;

    private final ReentrantLock writing = new ReentrantLock();
    private final int growAbove;
    private final int shrinkBelow;
    private final Tuning small;
    private final Tuning large;
    private volatile MultiIndexHammingIndex current;

    public AdaptiveHammingIndex() {
        this(new long[0], new long[0], Tuning.SMALL, Tuning.LARGE, GROW_ABOVE, SHRINK_BELOW);
    }

    /** An index holding the given entries (ids[i] has the code codes[4i .. 4i+4)); a repeated id keeps its last code. */
    public static AdaptiveHammingIndex bulkLoad(long[] ids, long[] codes) {
        return new AdaptiveHammingIndex(ids, codes, Tuning.SMALL, Tuning.LARGE, GROW_ABOVE, SHRINK_BELOW);
    }

    /** Tests give small boundaries and shapes, so that rebuilds happen at a few hundred entries. */
    AdaptiveHammingIndex(long[] ids, long[] codes, Tuning small, Tuning large, int growAbove, int shrinkBelow) {
        if (shrinkBelow > growAbove) throw new IllegalArgumentException("shrinkBelow must not exceed growAbove");
        this.small = small;
        this.large = large;
        this.growAbove = growAbove;
        this.shrinkBelow = shrinkBelow;
        this.current = MultiIndexHammingIndex.bulkLoad(ids, codes, ids.length > growAbove ? large : small);
    }

    /** The shape in use now. */
    public Tuning tuning() {
        return current.tuning();
    }

    @Override
    public void add(long id, Code256 code) {
        writing.lock();
        try {
            current.add(id, code);
            reshapeIfDue();
        } finally {
            writing.unlock();
        }
    }

    @Override
    public boolean remove(long id) {
        writing.lock();
        try {
            boolean removed = current.remove(id);
            reshapeIfDue();
            return removed;
        } finally {
            writing.unlock();
        }
    }

    /** Called with the write lock held, after a write. */
    private void reshapeIfDue() {
        MultiIndexHammingIndex index = current;
        int size = index.size();
        Tuning due = index.tuning().equals(small) && size > growAbove ? large
                : index.tuning().equals(large) && size < shrinkBelow ? small
                : null;
        if (due == null) return;
        MultiIndexHammingIndex.Entries entries = index.entries();
        current = MultiIndexHammingIndex.bulkLoad(entries.ids(), entries.codes(), due);
    }

    @Override
    public boolean contains(long id) {
        return current.contains(id);
    }

    @Override
    public void search(Code256 query, int radius, HitSink sink) {
        current.search(query, radius, sink);
    }

    @Override
    public int size() {
        return current.size();
    }

    @Override
    public long memoryBytes() {
        return current.memoryBytes();
    }
}
