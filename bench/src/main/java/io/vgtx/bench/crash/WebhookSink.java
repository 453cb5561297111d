package io.vgtx.bench.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A webhook receiver on the loopback address that keeps a line per delivery it receives — the event id, the delivery
 * id and the kind, from the {@code X-VGTX-*} headers — written before it answers 204, so a line means the node was
 * told "delivered" (or could have been). The crash test reads the file to find deliveries lost or sent twice.
 */
public final class WebhookSink implements AutoCloseable {
    static final String EVENT_ID = "X-VGTX-Event-Id";
    static final String DELIVERY = "X-VGTX-Delivery";
    static final String EVENT = "X-VGTX-Event";

    private final HttpServer server;
    private final BufferedWriter log;

    private WebhookSink(HttpServer server, BufferedWriter log) {
        this.server = server;
        this.log = log;
    }

    /** Listens on 127.0.0.1 ({@code port} 0: any free port) and appends to {@code logFile}. */
    public static WebhookSink start(int port, Path logFile) throws IOException {
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        WebhookSink sink = new WebhookSink(server, log);
        server.createContext("/", sink::receive);
        server.start();
        return sink;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // the body is not kept: the headers say which delivery it was
            String line = header(exchange, EVENT_ID) + " " + header(exchange, DELIVERY) + " " + header(exchange, EVENT);
            synchronized (log) {
                log.write(line);
                log.newLine();
                log.flush();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String header(HttpExchange exchange, String name) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(name), "-");
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        synchronized (log) {
            log.close();
        }
    }
}
