package io.vgtx.server.http;

import io.vgtx.server.problem.ApiProblem;

import java.util.regex.Pattern;

/**
 * Path and query parameters as numbers, with a 400 naming the parameter when they are not. A number is written one way
 * only: ASCII digits, no sign, no spaces, no leading zero ({@code 0} itself aside), at most 18 digits. {@link Long#parseLong}
 * alone takes {@code +8} and any script's digits ({@code ٨} is 8), so {@code /entries/+8}, {@code /entries/٨} and
 * {@code /entries/08} would all be entry 8 under different paths: one resource, several names in logs, audit and caches.
 */
public final class Params {
    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,17}");

    private Params() {}

    public static long id(ApiCall call, String name) {
        return parse(name, call.pathParam(name), 1);
    }

    public static long query(ApiCall call, String name, long defaultValue, long min) {
        return call.queryParam(name).map(text -> parse(name, text, min)).orElse(defaultValue);
    }

    public static int limit(ApiCall call, int defaultValue, int max) {
        long limit = query(call, "limit", defaultValue, 1);
        if (limit > max) throw ApiProblem.validation("Query parameter 'limit' must be 1.." + max + ", not " + limit + ".");
        return (int) limit;
    }

    /** {@code text} as a whole number of at least {@code min} (0 or more); a 400 naming parameter {@code name} otherwise. */
    public static long parse(String name, String text, long min) {
        if (min < 0) throw new IllegalArgumentException("parameters are never negative: min " + min);
        if (!CANONICAL.matcher(text).matches()) {
            throw ApiProblem.validation("Parameter '" + name + "' must be a whole number in ASCII digits without sign or leading zero, not '"
                    + printable(text) + "'.");
        }
        long value = Long.parseLong(text);
        if (value < min) throw ApiProblem.validation("Parameter '" + name + "' must be at least " + min + ", not " + value + ".");
        return value;
    }

    /** What was sent, for the detail: at most 40 characters, anything but printable ASCII as {@code \\uXXXX}. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\\') out.appendCodePoint(c);
            else out.append(String.format("\\u%04X", c));
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
    }
}
