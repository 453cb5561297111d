package io.vgtx.core.report;

import java.util.Locale;

/** Where a report came from. */
public enum ReportSource {
    /** A member of the public, through the hotline's own reporting form. */
    PUBLIC,
    /** Another hotline, an industry partner or an NGO. */
    PARTNER,
    /** A scan that matched known material. */
    AUTOMATIC_MATCH;

    public static ReportSource parse(String text) {
        try {
            return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source: unknown source '" + text + "' (expected PUBLIC, PARTNER or AUTOMATIC_MATCH)");
        }
    }
}
