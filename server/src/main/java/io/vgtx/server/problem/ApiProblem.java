package io.vgtx.server.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by a handler (or the framework) to answer with a problem: the type and a {@code detail} written for
 * the client. The detail is sent as is, so it must never hold secrets, stack traces or exception text from a
 * library; {@link ProblemType#INTERNAL} problems are answered with a fixed detail instead.
 */
public final class ApiProblem extends RuntimeException {
    private final ProblemType type;
    private final String detail;
    private final Map<String, String> headers;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, String> headers) {
        super(type.slug() + ": " + detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem validation(String detail) {
        return new ApiProblem(ProblemType.VALIDATION, detail);
    }

    public static ApiProblem malformedJson(String detail) {
        return new ApiProblem(ProblemType.MALFORMED_JSON, detail);
    }

    /** 401 with {@code WWW-Authenticate: Bearer}, plus {@code error="invalid_token"} when a token was presented. */
    public static ApiProblem unauthenticated(String detail, boolean tokenPresented) {
        String challenge = tokenPresented ? "Bearer realm=\"vgtx\", error=\"invalid_token\"" : "Bearer realm=\"vgtx\"";
        return new ApiProblem(ProblemType.UNAUTHENTICATED, detail, Map.of("WWW-Authenticate", challenge));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ProblemType.FORBIDDEN, detail);
    }

    public static ApiProblem csrf(String detail) {
        return new ApiProblem(ProblemType.CSRF, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemType.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT, detail);
    }

    public static ApiProblem payloadTooLarge(long limitBytes) {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + limitBytes + " bytes.");
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up. */
    public static ApiProblem rateLimited(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(seconds));
        return new ApiProblem(ProblemType.RATE_LIMITED, detail, headers);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    /** Extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
