package io.vgtx.hashing.digest;

/** MD5, SHA-1 and SHA-256 of a file's bytes, as lower-case hex. */
public record Digests(String md5, String sha1, String sha256) {
    public Digests {
        requireHex("MD5", md5, 32);
        requireHex("SHA-1", sha1, 40);
        requireHex("SHA-256", sha256, 64);
    }

    private static void requireHex(String name, String value, int length) {
        if (value == null || value.length() != length || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c)))
            throw new IllegalArgumentException(name + " must be " + length + " lower-case hex digits");
    }
}
