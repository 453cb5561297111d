package io.vgtx.core.signal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * PhotoDNA: licensed, so never computed here; kept and exchanged opaquely. Partners send it as 144
 * bytes in 288 hex digits or 192 base64 characters; both are stored as lower-case hex.
 */
public record PhotoDnaSignal() implements SignalType {
    public static final PhotoDnaSignal PHOTODNA = new PhotoDnaSignal();
    private static final int BYTES = 144;

    @Override
    public String name() {
        return "PHOTODNA";
    }

    @Override
    public Matching matching() {
        return Matching.OPAQUE;
    }

    @Override
    public String normalize(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() == BYTES * 2) return Hex.normalize(name(), value, BYTES * 2);
        if (value.length() == 192) {
            try {
                byte[] bytes = Base64.getDecoder().decode(value);
                if (bytes.length == BYTES) return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("PHOTODNA must be 288 hex digits or 192 base64 characters, got " + value.length() + " characters");
    }
}
