package io.vgtx.core.org;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** ISO 3166-1 alpha-2 country codes as we store them: two upper-case letters. */
public final class Countries {
    private Countries() {}

    /** @throws IllegalArgumentException unless {@code code} is two ASCII letters (any case, surrounding blanks ignored) */
    public static String normalise(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (upper.length() != 2 || !isAsciiUpper(upper.charAt(0)) || !isAsciiUpper(upper.charAt(1))) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: '" + code + "' (expected two letters, e.g. GB)");
        }
        return upper;
    }

    /** Each normalised, sorted, without repeats. */
    public static List<String> normaliseAll(Collection<String> codes) {
        return codes.stream().map(Countries::normalise).distinct().sorted().toList();
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
