package io.vgtx.core.user;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string form that libsodium, argon2-cffi and Spring write:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (unpadded base64). The parameters travel with each hash,
 * so raising them later leaves old hashes verifiable ({@link #needsRehash} tells when to re-hash one at the
 * next successful sign-in).
 *
 * <p>{@link #DEFAULT}: memory 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash, the OWASP Password
 * Storage Cheat Sheet's first Argon2id configuration; on this project's 2-core machine one hash takes
 * about 60 ms (BouncyCastle, pure Java), which bounds an online guesser far below the lock-out anyway and an
 * offline one with a stolen database to a few guesses per second per core. Comparison is constant-time.
 *
 * @param memoryKib  memory cost in KiB
 * @param iterations time cost (passes over memory)
 * @param lanes      parallelism
 */
public record PasswordHasher(int memoryKib, int iterations, int lanes) {
    public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);
    /** Cheap parameters for tests only: the same algorithm and format, ~1 ms. */
    public static final PasswordHasher FOR_TESTS = new PasswordHasher(64, 1, 1);

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{16,})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    public PasswordHasher {
        if (lanes < 1 || lanes > 16) throw new IllegalArgumentException("lanes must be 1..16");
        if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations must be 1..100");
        if (memoryKib < 8 * lanes || memoryKib > 4 * 1024 * 1024) throw new IllegalArgumentException("memoryKib must be 8*lanes..4 GiB");
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, lanes, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + lanes + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code stored} was made from, with the parameters written in
     * {@code stored}. A stored value that is not an Argon2id PHC string never verifies.
     */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) return false;
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) return false;
        try {
            int memory = Integer.parseInt(m.group(1));
            int passes = Integer.parseInt(m.group(2));
            int parallelism = Integer.parseInt(m.group(3));
            if (parallelism < 1 || passes < 1 || memory < 8 * parallelism || memory > 4 * 1024 * 1024) return false;
            byte[] salt = B64_DECODER.decode(m.group(4));
            byte[] expected = B64_DECODER.decode(m.group(5));
            byte[] actual = derive(password, salt, memory, passes, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code stored} was made with other parameters than these (re-hash it when the password is next known). */
    public boolean needsRehash(String stored) {
        Matcher m = PHC.matcher(stored == null ? "" : stored);
        return !m.matches() || Integer.parseInt(m.group(1)) != memoryKib || Integer.parseInt(m.group(2)) != iterations
                || Integer.parseInt(m.group(3)) != lanes;
    }

    /** The same work as a verification, for a login that does not exist: its answer takes as long as a real one. */
    void burn(String password) {
        derive(password, new byte[SALT_BYTES], memoryKib, iterations, lanes, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
