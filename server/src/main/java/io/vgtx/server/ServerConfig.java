package io.vgtx.server;

import io.vgtx.core.net.AddressRange;
import io.vgtx.server.auth.AuthFailurePolicy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a node's HTTP server listens and protects itself.
 *
 * @param host            the address to bind; {@code 127.0.0.1} by default, so a node is private until put behind a proxy
 * @param port            {@code 0} picks a free port ({@link NodeServer#port()} reports it)
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param maxUploadBytes  the same for the routes that take a whole file and stream it (a bank import), instead of
 *                        holding the body in memory
 * @param shutdownTimeout how long a stop waits for requests in flight before cutting them off
 * @param trustedProxies  the proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the node believes
 *                        ({@code vgtx serve --trusted-proxy}, see {@link io.vgtx.server.http.ClientAddress}); none by default
 */
public record ServerConfig(String host, int port, long maxRequestBytes, long maxUploadBytes, Duration shutdownTimeout,
                           AuthFailurePolicy authFailures, List<AddressRange> trustedProxies) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    /** A file of a million entries in the largest format (VICS JSON) fits. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1024L * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxRequestBytes < 1) throw new IllegalArgumentException("maxRequestBytes must be positive");
        if (maxUploadBytes < 1) throw new IllegalArgumentException("maxUploadBytes must be positive");
        if (shutdownTimeout.isNegative()) throw new IllegalArgumentException("shutdownTimeout must not be negative");
        Objects.requireNonNull(authFailures, "authFailures");
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_SHUTDOWN_TIMEOUT, AuthFailurePolicy.DEFAULT,
                List.of());
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withMaxRequestBytes(long maxRequestBytes) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withMaxUploadBytes(long maxUploadBytes) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withTrustedProxies(List<AddressRange> trustedProxies) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }

    public ServerConfig withAuthFailures(AuthFailurePolicy authFailures) {
        return new ServerConfig(host, port, maxRequestBytes, maxUploadBytes, shutdownTimeout, authFailures, trustedProxies);
    }
}
