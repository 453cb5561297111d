package io.vgtx.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One audited act.
 *
 * @param action  a stable dotted name, e.g. {@code bank.create}, {@code entries.read}, {@code match.query}
 * @param subject what it was done to, e.g. {@code bank:12}, {@code organisation:3}
 * @param details a few named facts, never image bytes, token secrets or long text (see {@link AuditLog#append})
 * @param prevHash the previous event's {@link #hash}, 64 zeros for the first event
 * @param hash    {@link #chainHash} of this event
 */
public record AuditEvent(long seq, Instant at, Actor actor, String action, String subject, Outcome outcome,
                         Map<String, String> details, String prevHash, String hash) {
    public static final String GENESIS = "0".repeat(64);

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public enum Outcome { OK, DENIED }

    /**
     * SHA-256 over the previous hash and every other field, each written as its UTF-8 byte length, a colon and
     * the bytes: length prefixes make the encoding unambiguous (no field's text can imitate a separator), and
     * the sequence number is included so an event cannot be moved without breaking the chain.
     */
    static String chainHash(String prevHash, long seq, Instant at, Actor actor, String action, String subject,
                            Outcome outcome, Map<String, String> details) {
        MessageDigest sha256 = sha256();
        field(sha256, prevHash);
        field(sha256, Long.toString(seq));
        field(sha256, Long.toString(at.toEpochMilli()));
        field(sha256, actor.organisation());
        field(sha256, actor.tokenId().map(String::valueOf).orElse(""));
        field(sha256, actor.role());
        field(sha256, action);
        field(sha256, subject);
        field(sha256, outcome.name());
        TreeMap<String, String> sorted = new TreeMap<>(details);
        field(sha256, Integer.toString(sorted.size()));
        sorted.forEach((key, value) -> {
            field(sha256, key);
            field(sha256, value);
        });
        // Only when set, so that events from before users existed keep their hashes.
        actor.user().ifPresent(user -> {
            field(sha256, "user");
            field(sha256, user);
        });
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Whether the stored hash is the one the stored fields give. */
    boolean hashMatchesFields() {
        return hash.equals(chainHash(prevHash, seq, at, actor, action, subject, outcome, details));
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
