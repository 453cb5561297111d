package io.vgtx.index.hamming;

import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The reference implementation: a linear scan over densely packed codes. Obviously correct, and the
 * baseline that {@link MultiIndexHammingIndex} is measured and tested against. Removal moves the last
 * entry into the hole so the scan never meets a gap.
 *
 * <p>Thread-safety: a {@link ReentrantReadWriteLock}; searches share the read lock, writes take the
 * write lock.
 */
public final class BruteForceHammingIndex implements HammingIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Entry i has id ids.get(i) and code codes[4i .. 4i+4). */
    private long[] codes;
    private SlotIds ids;
    private int size;
    private final IdSlotMap slots;

    public BruteForceHammingIndex() {
        this(new long[0], new long[0]);
    }

    private BruteForceHammingIndex(long[] ids, long[] codes) {
        this.ids = new SlotIds(Math.max(16, ids.length));
        this.codes = new long[4 * this.ids.capacity()];
        this.slots = new IdSlotMap(ids.length);
        for (int i = 0; i < ids.length; i++) {
            put(ids[i], codes[4 * i], codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3]);
        }
    }

    /** An index holding the given entries (parallel arrays, see {@link Arguments#checkBulk}); a repeated id keeps its last code. */
    public static BruteForceHammingIndex bulkLoad(long[] ids, long[] codes) {
        Arguments.checkBulk(ids, codes);
        return new BruteForceHammingIndex(ids, codes);
    }

    @Override
    public void add(long id, Code256 code) {
        lock.writeLock().lock();
        try {
            put(id, code.w0(), code.w1(), code.w2(), code.w3());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(long id, long w0, long w1, long w2, long w3) {
        int slot = slots.get(id, ids);
        if (slot < 0) {
            if (size == ids.capacity()) grow();
            slot = size++;
            ids.set(slot, id);
            slots.put(id, slot, ids);
        }
        int base = 4 * slot;
        codes[base] = w0;
        codes[base + 1] = w1;
        codes[base + 2] = w2;
        codes[base + 3] = w3;
    }

    private void grow() {
        int capacity = size + (size >> 1);
        ids.grow(capacity);
        codes = Arrays.copyOf(codes, 4 * capacity);
    }

    @Override
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            int slot = slots.remove(id, ids);
            if (slot < 0) return false;
            int last = --size;
            if (slot != last) {
                ids.set(slot, ids.get(last));
                System.arraycopy(codes, 4 * last, codes, 4 * slot, 4);
                slots.put(ids.get(slot), slot, ids);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return slots.get(id, ids) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void search(Code256 query, int radius, HitSink sink) {
        Arguments.checkRadius(radius);
        lock.readLock().lock();
        try {
            scan(query.w0(), query.w1(), query.w2(), query.w3(), radius, sink);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void scan(long q0, long q1, long q2, long q3, int radius, HitSink sink) {
        long[] c = codes;
        int end = 4 * size;
        for (int base = 0; base < end; base += 4) {
            int d = Long.bitCount(c[base] ^ q0) + Long.bitCount(c[base + 1] ^ q1)
                    + Long.bitCount(c[base + 2] ^ q2) + Long.bitCount(c[base + 3] ^ q3);
            if (d <= radius) sink.hit(ids.get(base >> 2), d);
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            return 8L * codes.length + ids.memoryBytes() + slots.memoryBytes();
        } finally {
            lock.readLock().unlock();
        }
    }
}
