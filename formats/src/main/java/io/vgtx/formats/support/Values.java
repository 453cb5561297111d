package io.vgtx.formats.support;

import io.vgtx.formats.FormatException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Parsing of single values as partners write them; each throws {@link IllegalArgumentException} saying what was expected. */
public final class Values {
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "t", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "f", "0");

    private Values() {}

    /** A parse that names the field and the place when it fails, e.g. {@code line 17: quality: …}. */
    public static <T> T field(String location, String field, Supplier<T> parse) throws FormatException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new FormatException(location, field + ": " + e.getMessage());
        }
    }

    /** A value that may be absent (null or blank text), parsed; a bad value fails naming the field and the place. */
    public static <T> Optional<T> optional(String location, String field, String raw, Function<String, T> parse) throws FormatException {
        Optional<String> text = present(raw);
        return text.isEmpty() ? Optional.empty() : Optional.of(field(location, field, () -> parse.apply(text.get())));
    }

    /** The stripped text, or empty when null or blank (an empty cell means "not given"). */
    public static Optional<String> present(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    /** {@code true/false}, and what exporters write besides: {@code yes/no}, {@code y/n}, {@code t/f}, {@code 1/0}, any case. */
    public static boolean bool(String raw) {
        String key = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(key)) return true;
        if (FALSE.contains(key)) return false;
        throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
    }

    /** A PhotoDNA value (stored as hex) in base64, as VICS and ICSE tools write it. */
    public static String photoDnaBase64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    /** PDQ quality: a whole number 0..100. */
    public static int quality(String raw) {
        try {
            int quality = Integer.parseInt(raw.strip());
            if (quality >= 0 && quality <= 100) return quality;
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("expected a whole number 0..100, got '" + raw + "'");
    }

    /** An ISO 8601 instant: {@code 2024-05-01T12:00:00Z}, with an offset ({@code +02:00}), or a date (its midnight UTC). */
    public static Instant instant(String raw) {
        String text = raw.strip();
        try {
            return text.indexOf('T') < 0 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expected an ISO 8601 time such as 2024-05-01T12:00:00Z, got '" + raw + "'");
        }
    }
}
