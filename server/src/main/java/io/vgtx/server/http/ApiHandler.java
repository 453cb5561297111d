package io.vgtx.server.http;

/**
 * What a route does. The value returned becomes the response: an {@link ApiResponse} is sent as it is,
 * {@code null} is {@code 204 No Content}, anything else is serialised as JSON with the route's success status.
 * To fail, throw an {@link io.vgtx.server.problem.ApiProblem} (or a domain exception the framework maps).
 */
@FunctionalInterface
public interface ApiHandler {
    Object handle(ApiCall call) throws Exception;
}
