package io.vgtx.server.http;

import io.javalin.http.Context;
import io.vgtx.server.problem.ApiProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** One request to an {@link ApiRoute}, as its handler sees it. */
public final class ApiCall {
    private final Context ctx;
    private final ApiRoute route;
    private final long maxBodyBytes;

    public ApiCall(Context ctx, ApiRoute route, long maxBodyBytes) {
        this.ctx = ctx;
        this.route = route;
        this.maxBodyBytes = maxBodyBytes;
    }

    public ApiRoute route() {
        return route;
    }

    public String requestId() {
        return RequestAttributes.requestId(ctx);
    }

    /** A path parameter named in the route's path ({@code {name}}). */
    public String pathParam(String name) {
        if (!route.pathParams().contains(name)) {
            throw new IllegalStateException(route.key() + " has no path parameter " + name);
        }
        return ctx.pathParam(name);
    }

    /** A query parameter the route declares, or empty when absent; a required one that is absent is a 400. */
    public Optional<String> queryParam(String name) {
        ApiRoute.QueryParam declared = route.queryParams().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(route.key() + " does not declare query parameter " + name));
        Optional<String> value = Optional.ofNullable(ctx.queryParam(name));
        if (declared.required() && value.isEmpty()) throw ApiProblem.validation("The query parameter '" + name + "' is required.");
        return value;
    }

    /**
     * The authenticated principal, as the {@code BearerAuthenticator} returned it. Only on routes that need a
     * token; asking for the wrong type is a programming error (500).
     */
    public <P> P principal(Class<P> type) {
        Object principal = ctx.attribute(RequestAttributes.PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException(route.key() + " asked for a principal but none was authenticated (public route?)");
        }
        return type.cast(principal);
    }

    /**
     * The JSON body as the route's declared type. 415 unless the body is JSON, 413 above the size limit, 400
     * when it is empty, {@code null}, malformed, or does not fit the type (the detail names the field); never {@code null}.
     */
    public <T> T body(Class<T> type) throws IOException {
        if (route.requestBody() != type) {
            throw new IllegalStateException(route.key() + " reads a " + type.getSimpleName()
                    + " body but declares " + (route.requestBody() == null ? "none" : route.requestBody().getSimpleName()));
        }
        String contentType = ctx.contentType();
        if (contentType == null || !isJson(contentType)) {
            throw ApiProblem.unsupportedMediaType("The request body must be application/json.");
        }
        byte[] bytes = readBounded(ctx.req().getInputStream(), maxBodyBytes);
        if (bytes.length == 0) throw ApiProblem.validation("A JSON request body is required.");
        T body = Json.mapper().readValue(utf8(bytes), type);
        // Jackson reads a JSON null as a null body, whatever the type: no handler expects one.
        if (body == null) throw ApiProblem.validation("The request body must be a JSON object, not null.");
        return body;
    }

    /**
     * The body as UTF-8 text, the only encoding JSON is exchanged in (RFC 8259 §8.1). Given bytes, Jackson would guess
     * UTF-16 or UTF-32 from zero bytes at the start and fail with an I/O error, a 500 (found by fuzzing).
     */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replaceFirst("^\uFEFF", ""); // a byte order mark, which some clients still send
        } catch (CharacterCodingException e) {
            throw ApiProblem.malformedJson("The request body is not UTF-8 text.");
        }
    }

    /**
     * The uploaded file of a route that {@linkplain ApiRoute.Builder#acceptsFile accepts one}, as it arrives: reading
     * past the upload limit throws a 413 problem, whatever Content-Length claimed (or a chunked body did not). The
     * caller closes it.
     */
    public InputStream upload() throws IOException {
        if (route.upload() == null) throw new IllegalStateException(route.key() + " reads an upload but declares none");
        return new BoundedInputStream(ctx.req().getInputStream(), maxBodyBytes);
    }

    /** The Javalin context, for what this class does not cover (streaming, headers). */
    public Context context() {
        return ctx;
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** A stream that refuses, with a 413 problem, to deliver more than {@code limit} bytes. */
    static final class BoundedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) throw ApiProblem.payloadTooLarge(limit);
        }
    }

    /** Reads and drops the request body, up to {@code limit} bytes (one more is a 413): for routes that take none. */
    public static void discardBody(Context ctx, long limit) throws IOException {
        new BoundedInputStream(ctx.req().getInputStream(), limit).transferTo(OutputStream.nullOutputStream());
    }

    /** Reads at most {@code limit} bytes; one more is a 413, whatever Content-Length claimed (or chunked bodies). */
    static byte[] readBounded(InputStream in, long limit) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) throw ApiProblem.payloadTooLarge(limit);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
