package io.vgtx.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web server refuses before any route sees it — an over-long request line or header, a NUL or an invalid escape
 * in a path — is an RFC 9457 problem like every other error, not Jetty's HTML page. Sent over a raw socket, as an attacker
 * would (an HTTP client library refuses to send most of these).
 */
class WebServerProblemsTest {
    @TempDir
    Path dataDir;
    TestServer node;

    @BeforeEach
    void start() {
        node = new TestServer(dataDir);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aNulInThePathIsAProblemNotAnHtmlPage() throws IOException {
        for (String path : new String[] {"/api/v1/entries/%00", "/api/v1/banks/1%00/entries", "/%00", "/api/v1/entries/%zz"}) {
            String reply = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertProblem(reply, 400);
        }
    }

    @Test
    void aNulInThePathOfAWriteIsAProblemToo() throws IOException {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            String reply = raw(method + " /api/v1/banks/%00 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertProblem(reply, 400);
        }
    }

    @Test
    void anOverLongRequestLineIs414AsAProblem() throws IOException {
        String reply = raw("GET /api/v1/banks?x=" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(reply, 414);
        assertThat(reply).contains("https://vgtx.io/problems/uri-too-long");
    }

    @Test
    void overLongHeadersAre431AsAProblem() throws IOException {
        String reply = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertProblem(reply, 431);
        assertThat(reply).contains("https://vgtx.io/problems/headers-too-large");
    }

    @Test
    void aConnectionRefusedForABadRequestSaysItCloses() throws IOException {
        // Without Connection: close a client would send its next request on a connection Jetty is closing.
        String reply = raw("GET /api/v1/entries/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(reply, 400);
        assertThat(reply.toLowerCase()).contains("connection: close");
    }

    private static void assertProblem(String reply, int status) {
        assertThat(reply).as(reply).startsWith("HTTP/1.1 " + status + " ");
        String headers = reply.substring(0, reply.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(headers).as(reply).contains("content-type: application/problem+json");
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        assertThat(body).as(reply).contains("\"status\":" + status).doesNotContain("<html").doesNotContain("%00");
    }

    /** Sends {@code request} as it is and reads until the server closes (or 5 s pass). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(node.server.uri().getHost(), node.server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) reply.write(buffer, 0, n);
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // a keep-alive connection that stays open, or one reset under a large request: what arrived is the answer
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }
}
