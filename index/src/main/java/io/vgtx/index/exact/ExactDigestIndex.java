package io.vgtx.index.exact;

import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact-match multimap from fixed-length digests (MD5, SHA-1, SHA-256) to entry ids.
 *
 * <h2>Layout</h2>
 * Each (digest, id) pair occupies a <em>pair slot</em>: its digest as big-endian words in
 * {@code words[w·p .. w·p + w)} ({@code w} = digest length / 8, rounded up) and its id in {@code ids[p]}.
 * Pair slots are dense: removing one moves the last pair into the hole. A linear-probing table of
 * {@code int} cells ({@code p + 1}, 0 = empty) finds them, hashed on the digest only, so that all pairs
 * of one digest sit in a single probe run: a lookup walks the run and collects their ids. No object per
 * entry: about {@code 8w + 8} bytes per pair plus 4–8 bytes of table.
 *
 * <h2>Threads</h2>
 * A {@link ReentrantReadWriteLock}: concurrent lookups, writes one at a time.
 */
public final class ExactDigestIndex {
    private static final long[] NO_IDS = new long[0];
    private static final int MIN_CAPACITY = 16;
    /** Probe runs stay short below this load. */
    private static final double MAX_LOAD = 0.6;

    private final int digestLength;
    private final int wordsPerDigest;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] words;
    private long[] ids;
    private int pairs;
    private int[] cells;

    public ExactDigestIndex(int digestLength) {
        if (digestLength < 1 || digestLength > 64) {
            throw new IllegalArgumentException("digest length must be 1..64 bytes: " + digestLength);
        }
        this.digestLength = digestLength;
        this.wordsPerDigest = (digestLength + 7) / 8;
        this.words = new long[MIN_CAPACITY * wordsPerDigest];
        this.ids = new long[MIN_CAPACITY];
        this.cells = new int[2 * MIN_CAPACITY];
    }

    public static ExactDigestIndex md5() {
        return new ExactDigestIndex(16);
    }

    public static ExactDigestIndex sha1() {
        return new ExactDigestIndex(20);
    }

    public static ExactDigestIndex sha256() {
        return new ExactDigestIndex(32);
    }

    public int digestLength() {
        return digestLength;
    }

    /** Adds the pair; returns false if this digest already maps to this id. */
    public boolean add(byte[] digest, long id) {
        long[] key = toWords(digest);
        lock.writeLock().lock();
        try {
            if (findPair(key, id) >= 0) return false;
            if (pairs == ids.length) growPairs();
            if (pairs + 1 > MAX_LOAD * cells.length) growCells();
            int pair = pairs++;
            System.arraycopy(key, 0, words, pair * wordsPerDigest, wordsPerDigest);
            ids[pair] = id;
            insertCell(pair);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the pair; returns false if this digest did not map to this id. */
    public boolean remove(byte[] digest, long id) {
        long[] key = toWords(digest);
        lock.writeLock().lock();
        try {
            int cell = findPair(key, id);
            if (cell < 0) return false;
            int pair = cells[cell] - 1;
            deleteCell(cell);
            int last = --pairs;
            if (pair != last) movePair(last, pair);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The ids this digest maps to, ascending; empty if none. */
    public long[] ids(byte[] digest) {
        long[] key = toWords(digest);
        lock.readLock().lock();
        try {
            long[] found = NO_IDS;
            int count = 0;
            int mask = cells.length - 1;
            for (int i = home(key, mask); cells[i] != 0; i = (i + 1) & mask) {
                int pair = cells[i] - 1;
                if (digestEquals(pair, key)) {
                    if (count == found.length) found = Arrays.copyOf(found, Math.max(4, 2 * count));
                    found[count++] = ids[pair];
                }
            }
            long[] result = Arrays.copyOf(found, count);
            Arrays.sort(result);
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(byte[] digest) {
        long[] key = toWords(digest);
        lock.readLock().lock();
        try {
            int mask = cells.length - 1;
            for (int i = home(key, mask); cells[i] != 0; i = (i + 1) & mask) {
                if (digestEquals(cells[i] - 1, key)) return true;
            }
            return false;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of (digest, id) pairs. */
    public int size() {
        lock.readLock().lock();
        try {
            return pairs;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes held by the index's arrays. */
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            return 8L * words.length + 8L * ids.length + 4L * cells.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cell holding (key, id), or -1. */
    private int findPair(long[] key, long id) {
        int mask = cells.length - 1;
        for (int i = home(key, mask); cells[i] != 0; i = (i + 1) & mask) {
            int pair = cells[i] - 1;
            if (ids[pair] == id && digestEquals(pair, key)) return i;
        }
        return -1;
    }

    private void insertCell(int pair) {
        int mask = cells.length - 1;
        int i = home(pair, mask);
        while (cells[i] != 0) i = (i + 1) & mask;
        cells[i] = pair + 1;
    }

    /** Backward-shift deletion: pulls later cells of the probe run into the gap so lookups never stop early. */
    private void deleteCell(int gap) {
        int mask = cells.length - 1;
        for (int j = (gap + 1) & mask; cells[j] != 0; j = (j + 1) & mask) {
            int want = home(cells[j] - 1, mask);
            // The cell at j may move to the gap only if its home is not cyclically within (gap, j].
            boolean homeAfterGap = gap <= j ? (want > gap && want <= j) : (want > gap || want <= j);
            if (!homeAfterGap) {
                cells[gap] = cells[j];
                gap = j;
            }
        }
        cells[gap] = 0;
    }

    /** Moves pair {@code from} into slot {@code to} and repoints its cell. */
    private void movePair(int from, int to) {
        int mask = cells.length - 1;
        int i = home(from, mask);
        while (cells[i] != from + 1) i = (i + 1) & mask;
        System.arraycopy(words, from * wordsPerDigest, words, to * wordsPerDigest, wordsPerDigest);
        ids[to] = ids[from];
        cells[i] = to + 1;
    }

    private void growPairs() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        words = Arrays.copyOf(words, capacity * wordsPerDigest);
    }

    private void growCells() {
        cells = new int[cells.length * 2];
        for (int pair = 0; pair < pairs; pair++) insertCell(pair);
    }

    private boolean digestEquals(int pair, long[] key) {
        int at = pair * wordsPerDigest;
        for (int w = 0; w < wordsPerDigest; w++) {
            if (words[at + w] != key[w]) return false;
        }
        return true;
    }

    private int home(int pair, int mask) {
        return mix(words, pair * wordsPerDigest, wordsPerDigest) & mask;
    }

    private int home(long[] key, int mask) {
        return mix(key, 0, wordsPerDigest) & mask;
    }

    /**
     * Digests are uniform already, but bank data is not trusted input: mix every word (Stafford variant
     * 13 finaliser) so that digests crafted to share a prefix do not share a probe run.
     */
    private static int mix(long[] words, int from, int count) {
        long h = 0x9E3779B97F4A7C15L;
        for (int w = 0; w < count; w++) {
            h ^= words[from + w];
            h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
            h ^= h >>> 31;
        }
        return (int) h;
    }

    /** Big-endian words, the last one zero-padded. */
    private long[] toWords(byte[] digest) {
        if (digest.length != digestLength) {
            throw new IllegalArgumentException(
                    "expected a " + digestLength + "-byte digest, got " + digest.length + " bytes");
        }
        long[] key = new long[wordsPerDigest];
        for (int i = 0; i < digestLength; i++) key[i >> 3] |= (digest[i] & 0xFFL) << (56 - 8 * (i & 7));
        return key;
    }
}
