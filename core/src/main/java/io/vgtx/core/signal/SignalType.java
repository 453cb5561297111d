package io.vgtx.core.signal;

/**
 * A kind of hash ("signal"): how its text is validated and normalised, and how it is matched.
 * A new hash type is one new implementation here and one line in {@link SignalTypes#ALL}.
 */
public sealed interface SignalType permits DigestSignal, PdqSignal, PhotoDnaSignal {
    /** The name used in files, the database and the API: {@code MD5}, {@code SHA1}, {@code SHA256}, {@code PDQ}, {@code PHOTODNA}. */
    String name();

    /** How entries of this type are found. */
    Matching matching();

    /**
     * The canonical text of {@code raw} (trimmed, lower-case hex where the type is hex).
     *
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    String normalize(String raw);

    enum Matching {
        /** Equal values only (cryptographic digests). */
        EXACT,
        /** Hamming distance within a threshold (perceptual hashes). */
        HAMMING,
        /** Stored and exchanged, never computed or matched here (e.g. PhotoDNA, licensed). */
        OPAQUE
    }
}
