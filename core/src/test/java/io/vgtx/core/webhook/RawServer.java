package io.vgtx.core.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP server on the loopback that answers every connection with the same bytes and closes it: an SSH banner, a raw redirect. */
final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    RawServer(String answer) {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        Thread.ofVirtual().name("raw-server").start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    connections.incrementAndGet();
                    client.getOutputStream().write(bytes);
                    client.getOutputStream().flush();
                } catch (IOException closed) {
                    // closed by the test, or the client went away
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
