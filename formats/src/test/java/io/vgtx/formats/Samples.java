package io.vgtx.formats;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.SignalType;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Made-up hash values of the right shapes (no real data). */
public final class Samples {
    public static final String MD5 = "0123456789abcdef0123456789abcdef";
    public static final String MD5_2 = "fedcba9876543210fedcba9876543210";
    public static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";
    public static final String SHA256 = "0123456789abcdef".repeat(4);
    public static final String PDQ = "f0e1d2c3b4a5968778695a4b3c2d1e0f".repeat(2);
    public static final String PDQ_2 = "00112233445566778899aabbccddeeff".repeat(2);
    public static final String PHOTODNA_HEX = photoDnaHex();
    public static final String PHOTODNA_BASE64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(PHOTODNA_HEX));

    private Samples() {}

    /** {@code i} as hex, left-padded with zeros: distinct made-up hashes for generated inputs. */
    public static String hex(long i, int digits) {
        String hex = Long.toHexString(i);
        return "0".repeat(digits - hex.length()) + hex;
    }

    /** The same entry fields with another hash, as the entries of one source record have. */
    public static EntryData withHash(EntryData shared, SignalType type, String value) {
        return new EntryData(type, value, shared.quality(), shared.category(), shared.series(), shared.victimIdentified(), shared.firstSeen(),
                shared.distribution(), shared.label(), shared.grades(), shared.metadata(), shared.state());
    }

    public static String upper(String hex) {
        return hex.toUpperCase(Locale.ROOT);
    }

    private static String photoDnaHex() {
        byte[] bytes = new byte[144];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 7);
        return HexFormat.of().formatHex(bytes);
    }
}
