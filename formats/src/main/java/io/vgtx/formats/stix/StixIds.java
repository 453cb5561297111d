package io.vgtx.formats.stix;

import io.vgtx.core.bank.Entry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: UUIDv5 (name-based, SHA-1; RFC 9562 §5.5). STIX 2.1 §2.9 requires an RFC 4122
 * UUID and recommends (SHOULD) version 4 for domain objects; version 5 is still compliant, and FORMATS.md wants
 * re-exports to keep their ids.
 */
final class StixIds {
    /** Never change this: every id ever exported is derived from it. */
    private static final UUID NAMESPACE = UUID.fromString("d8948bee-9d86-4bcc-a42d-300b8b993d96");

    private StixIds() {}

    static String identity(String organisation) {
        return "identity--" + uuid5(NAMESPACE, "identity\n" + organisation);
    }

    /** The same hash in the same bank of the same organisation is the same indicator. */
    static String indicator(Entry entry) {
        return "indicator--" + uuid5(NAMESPACE, String.join("\n", "indicator", String.valueOf(entry.sourceOrganisation()),
                entry.bankName(), entry.data().type().name(), entry.data().value()));
    }

    static String bundle(String producer, Instant now) {
        return "bundle--" + uuid5(NAMESPACE, "bundle\n" + producer + "\n" + now);
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }
}
