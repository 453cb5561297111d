package io.vgtx.server.http;

import java.util.Map;
import java.util.Objects;

/**
 * A response with a status, media type or headers of its own; most handlers just return the body object.
 *
 * @param body a {@link String} or {@code byte[]} is sent as it is, a {@link StreamingBody} is written straight to the
 *             connection; anything else is serialised as JSON; {@code null} sends no body
 */
public record ApiResponse(int status, String contentType, Object body, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public ApiResponse {
        if (status < 100 || status > 599) throw new IllegalArgumentException("HTTP status out of range: " + status);
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, body, Map.of());
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body, Map.of());
    }

    /**
     * A body written as it is produced, in constant memory (an export of any size). Check everything that can
     * refuse the request before returning one: once bytes are sent the status cannot change, and a failure
     * half-way aborts the transfer (the client sees an incomplete response, never a short one that looks whole).
     */
    @FunctionalInterface
    public interface StreamingBody {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    public static ApiResponse streaming(String contentType, StreamingBody body) {
        return new ApiResponse(200, contentType, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, JSON, null, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, contentType, body, all);
    }
}
