package io.vgtx.core.signal;

/** The PDQ perceptual hash: 256 bits as 64 hex digits, matched by Hamming distance. */
public record PdqSignal() implements SignalType {
    public static final PdqSignal PDQ = new PdqSignal();
    /** The distance up to which two PDQ hashes are taken as the same picture (the reference's default). */
    public static final int DEFAULT_THRESHOLD = 31;

    @Override
    public String name() {
        return "PDQ";
    }

    @Override
    public Matching matching() {
        return Matching.HAMMING;
    }

    @Override
    public String normalize(String raw) {
        return Hex.normalize(name(), raw, 64);
    }
}
