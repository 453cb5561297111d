package io.vgtx.server.problem;

import java.net.URI;

/**
 * The kinds of problem the API reports, as RFC 9457 problem details. The {@link #uri() type URI} of each is
 * stable: clients branch on it, so never rename one; add a new constant instead.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    /** A console session's state-changing request without its CSRF token, or from another site. */
    CSRF(403, "csrf", "Missing or invalid CSRF token"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    /** Refused by the web server before any route saw it: a request line longer than it reads. */
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    /** Refused by the web server before any route saw it: more header bytes than it reads. */
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL(500, "internal", "Internal server error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    /** Every type URI starts with this. */
    public static final String BASE_URI = "https://vgtx.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the type URI, e.g. {@code malformed-json}. */
    public String slug() {
        return slug;
    }

    /** A short summary that is the same for every occurrence of this type (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    /** The type for an HTTP error status that has no more specific cause, e.g. one raised by the web framework. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_JSON) return type;
        }
        if (status >= 500) return INTERNAL;
        return VALIDATION;
    }
}
