package io.vgtx.core.bank;

import java.util.Locale;

/**
 * Our category of an entry: the UK's A/B/C scale for illegal material, plus exploitative (legal but
 * sexualised) and not-illegal (ignorable, e.g. a known false positive). Other schemes' grades are kept
 * beside it as {@link Grade}s, never converted away.
 */
public enum Category {
    A, B, C, EXPLOITATIVE, NOT_ILLEGAL;

    public static Category parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown category '" + text + "' (expected A, B, C, EXPLOITATIVE or NOT_ILLEGAL)");
        }
    }
}
