package io.vgtx.server.http;

/** Who may call a route. Routes are {@link #AUTHENTICATED} unless they say otherwise. */
public enum Access {
    /** Needs a valid bearer token; the principal is then available from {@link ApiCall#principal}. */
    AUTHENTICATED,
    /** Anyone who can reach the port: health, metrics, the OpenAPI document. */
    PUBLIC
}
