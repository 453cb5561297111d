package io.vgtx.index.hamming;

/**
 * Receives search results as they are found, in no particular order, without allocating a {@link Hit}
 * per result. It is called while the index holds its read lock, so it must be quick and must not call
 * back into the index.
 */
@FunctionalInterface
public interface HitSink {
    void hit(long id, int distance);
}
