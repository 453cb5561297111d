package io.vgtx.server.http;

import io.vgtx.server.problem.ApiProblem;

/** Path and query parameters as numbers, with a 400 naming the parameter when they are not. */
public final class Params {
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

    /** {@code text} as a whole number of at least {@code min}; a 400 naming parameter {@code name} otherwise. */
    public static long parse(String name, String text, long min) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < min) throw ApiProblem.validation("Parameter '" + name + "' must be at least " + min + ", not " + value + ".");
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.validation("Parameter '" + name + "' must be a whole number, not '" + text + "'.");
        }
    }
}
