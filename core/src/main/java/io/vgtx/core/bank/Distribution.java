package io.vgtx.core.bank;

import java.util.Locale;

/** Who may see an entry, after the traffic-light protocol. */
public enum Distribution {
    /** Every active organisation. */
    GREEN,
    /** Law-enforcement members only. */
    AMBER,
    /** The owner and organisations it names. */
    RED;

    public static Distribution parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown distribution '" + text + "' (expected GREEN, AMBER or RED)");
        }
    }
}
