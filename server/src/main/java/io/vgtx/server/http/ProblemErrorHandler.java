package io.vgtx.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vgtx.server.problem.ProblemDetails;
import io.vgtx.server.problem.ProblemType;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * The web server's own error answers as RFC 9457 problems, like every other error of the node: what Jetty refuses before
 * a route sees the request (a request line over its buffer: 414; headers over it: 431; a path with {@code %00} or an
 * invalid escape, a malformed request line: 400) would otherwise be its HTML error page. The detail is ours; Jetty's
 * reason is quoted only when it is a plain phrase, so nothing the client sent is echoed back.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z][A-Za-z ]{0,79}");

    /** Jetty's own answers are never sniffed either (the node's other answers say so in NodeServer). */
    private static final String NOSNIFF = "nosniff";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", NOSNIFF);
        return super.handle(request, response, callback);
    }

    /** Every method gets a problem body, not only GET, POST and HEAD as Jetty's default would. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        response.getHeaders().remove(HttpHeader.CONTENT_LENGTH);
        // Jetty closes the connection after a request it could not parse, without saying so: a client would send its
        // next request on it and get no answer.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** When the request could not even be parsed (Jetty answers on the connection, without a request object). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        fields.put("X-Content-Type-Options", NOSNIFF);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        ProblemType type = ProblemType.forStatus(status);
        try {
            return Json.mapper().writeValueAsBytes(ProblemDetails.of(type, detail(type, reason), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }

    private static String detail(ProblemType type, String reason) {
        String quoted = reason != null && PLAIN_REASON.matcher(reason).matches() ? " (" + reason + ")" : "";
        return switch (type) {
            case URI_TOO_LONG -> "The request line is longer than this node reads.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than this node reads.";
            case INTERNAL -> "An unexpected error occurred.";
            case NOT_FOUND -> "Not found.";
            case METHOD_NOT_ALLOWED -> "This route does not answer that method.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case VALIDATION -> "The web server refused the request" + quoted
                    + ": it is not valid HTTP, or its path holds a NUL, a control character or an invalid escape.";
            default -> type.title() + quoted + ".";
        };
    }
}
