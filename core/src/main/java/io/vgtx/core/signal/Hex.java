package io.vgtx.core.signal;

import java.util.Locale;

final class Hex {
    private Hex() {}

    /** Trims, checks length and digits, and lower-cases; the message names the type and the problem. */
    static String normalize(String type, String raw, int length) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() != length)
            throw new IllegalArgumentException(type + " must be " + length + " hex digits, got " + value.length() + " characters");
        for (int i = 0; i < length; i++) {
            if (Character.digit(value.charAt(i), 16) < 0)
                throw new IllegalArgumentException(type + " must be hex digits, found '" + value.charAt(i) + "' at position " + (i + 1));
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
