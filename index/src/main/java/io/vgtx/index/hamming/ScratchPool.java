package io.vgtx.index.hamming;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few reusable scratch objects for concurrent searches, without locks or per-use allocation: {@link #take}
 * claims a parked one (or makes a new one when none is free), {@link #give} parks it again (or drops it
 * when every place is taken). Not a thread-local: searches run on virtual threads, which come and go per request.
 */
final class ScratchPool<T> {
    /** More places than searches that run at once on a machine of a few cores; beyond it, extra scratch is garbage. */
    private static final int PLACES = 32;
    private final AtomicReferenceArray<T> places = new AtomicReferenceArray<>(PLACES);
    private final Supplier<T> factory;

    ScratchPool(Supplier<T> factory) {
        this.factory = factory;
    }

    T take() {
        int start = ThreadLocalRandom.current().nextInt(PLACES);
        for (int i = 0; i < PLACES; i++) {
            int at = (start + i) & (PLACES - 1);
            if (places.getPlain(at) != null) {
                T taken = places.getAndSet(at, null);
                if (taken != null) return taken;
            }
        }
        return factory.get();
    }

    void give(T scratch) {
        int start = ThreadLocalRandom.current().nextInt(PLACES);
        for (int i = 0; i < PLACES; i++) {
            int at = (start + i) & (PLACES - 1);
            if (places.getPlain(at) == null && places.compareAndSet(at, null, scratch)) return;
        }
    }
}
