package io.vgtx.core.signal;

/** A cryptographic digest of a file's bytes, matched exactly. */
public record DigestSignal(String name, int hexLength) implements SignalType {
    public static final DigestSignal MD5 = new DigestSignal("MD5", 32);
    public static final DigestSignal SHA1 = new DigestSignal("SHA1", 40);
    public static final DigestSignal SHA256 = new DigestSignal("SHA256", 64);

    @Override
    public Matching matching() {
        return Matching.EXACT;
    }

    @Override
    public String normalize(String raw) {
        return Hex.normalize(name, raw, hexLength);
    }
}
