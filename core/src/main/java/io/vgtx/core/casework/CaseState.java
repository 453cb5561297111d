package io.vgtx.core.casework;

import java.util.Locale;

/** Whether a case is being worked: only OPEN cases link more, and only they take part in deconfliction. */
public enum CaseState {
    OPEN, CLOSED;

    public static CaseState parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown case state '" + text + "' (expected OPEN or CLOSED)");
        }
    }
}
