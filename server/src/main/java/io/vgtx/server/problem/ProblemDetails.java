package io.vgtx.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response, {@code application/problem+json} (RFC 9457).
 *
 * @param type     a stable URI naming the kind of problem, e.g. {@code https://vgtx.io/problems/validation}
 * @param title    the same for every occurrence of the type
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request, written for the client
 * @param instance {@code urn:uuid:} and the request id, which the access log and the {@code X-Request-Id} header carry too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetails of(ProblemType type, String detail, String instance) {
        return new ProblemDetails(type.uri().toString(), type.title(), type.status(), detail, instance);
    }
}
