package io.vgtx.server.http;

/** The methods an API route may answer. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE
}
