package io.vgtx.hashing.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feeds the same bytes to MD5, SHA-1 and SHA-256 at once, so a file is read a single time whatever
 * else is computed from it. Not thread-safe; cheap to create.
 */
public final class DigestCalculator {
    private final MessageDigest md5 = algorithm("MD5");
    private final MessageDigest sha1 = algorithm("SHA-1");
    private final MessageDigest sha256 = algorithm("SHA-256");

    private static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide these three.
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        md5.update(bytes, offset, length);
        sha1.update(bytes, offset, length);
        sha256.update(bytes, offset, length);
    }

    /** Returns the digests of everything fed so far and resets for the next input. */
    public Digests finish() {
        HexFormat hex = HexFormat.of();
        return new Digests(hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
    }

    public static Digests of(byte[] bytes) {
        DigestCalculator calculator = new DigestCalculator();
        calculator.update(bytes, 0, bytes.length);
        return calculator.finish();
    }
}
