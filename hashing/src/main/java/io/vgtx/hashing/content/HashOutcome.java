package io.vgtx.hashing.content;

import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.pdq.PdqResult;

import java.util.Optional;

/** What hashing one file (or archive member) gave: the hashes, or the reason it failed. */
public sealed interface HashOutcome {
    /** The path as given or found, e.g. {@code photos/a.jpg} or {@code set.zip!/inner/b.png}. */
    String path();

    /** Size in bytes; -1 when the file could not be read at all. */
    long size();

    /** Digests of the bytes, present whenever the bytes could be read, even if they are no image. */
    Optional<Digests> digests();

    record Hashed(String path, long size, Digests digest, PdqResult pdq, int width, int height) implements HashOutcome {
        @Override
        public Optional<Digests> digests() {
            return Optional.of(digest);
        }
    }

    record Failed(String path, long size, Optional<Digests> digests, String reason) implements HashOutcome {}
}
